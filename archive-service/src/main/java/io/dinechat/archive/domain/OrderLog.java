package io.dinechat.archive.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What analytics read of one archived order (the stored snapshot holds everything order-service
 * sent; this is the part the figures are made of).
 *
 * @param customerPhone the guest's phone (E.164 digits), or a pseudonym once erased, or null once de-identified
 */
public record OrderLog(String tenantId, String orderId, String branchId, String customerPhone, String customerName,
        String language, String status, List<Line> lines, BigDecimal total, String currency, Instant placedAt,
        Instant completedAt) {

    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    public OrderLog {
        lines = List.copyOf(lines);
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    /** Placed to completed, when both are known and in order. */
    public Duration completionTime() {
        if (!completed() || completedAt == null || placedAt == null || completedAt.isBefore(placedAt)) {
            return null;
        }
        return Duration.between(placedAt, completedAt);
    }

    /** One ordered item as it was sold (name and price at the time). */
    public record Line(String itemId, String name, int quantity, BigDecimal lineTotal) {
    }
}
