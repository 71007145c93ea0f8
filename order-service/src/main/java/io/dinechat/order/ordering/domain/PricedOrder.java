package io.dinechat.order.ordering.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order that passed every check, priced from the business's own prices: what the guest
 * confirms (a quote) and what is stored (a placed order).
 */
public record PricedOrder(UUID branchId, OrderRequest request, List<PricedLine> lines, BigDecimal subtotal,
        BigDecimal deliveryFee, BigDecimal total, String currency, LocalDateTime scheduledFor,
        Instant estimatedReadyAt) {

    public PricedOrder {
        lines = List.copyOf(lines);
    }

    /** One line: the item's name and price at order time, the chosen options, and the line's total. */
    public record PricedLine(UUID itemId, String name, int quantity, BigDecimal unitPrice, List<ChosenOption> options,
            BigDecimal lineTotal, String notes) {

        public PricedLine {
            options = List.copyOf(options);
        }
    }

    public record ChosenOption(UUID optionId, String groupName, String name, BigDecimal priceDelta) {
    }
}
