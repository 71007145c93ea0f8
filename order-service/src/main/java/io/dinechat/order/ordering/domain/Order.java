package io.dinechat.order.ordering.domain;

import io.dinechat.order.ordering.domain.PricedOrder.PricedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A placed order as stored: lines and options snapshotted at order time (name and price then),
 * the totals computed when it was placed, and its status history.
 *
 * @param conversationKey the WhatsApp conversation it came from, null for a dashboard order
 * @param scheduledFor    local date-time of the business's zone, null for as soon as possible
 */
public record Order(UUID id, UUID tenantId, UUID branchId, String reference, String conversationKey,
        OrderRequest.Customer customer, String language, String fulfilment, OrderRequest.DeliveryAddress deliveryAddress,
        LocalDateTime scheduledFor, String notes, String paymentMethod, String paymentStatus, OrderStatus status,
        String cancelReason, List<PricedLine> lines, BigDecimal subtotal, BigDecimal deliveryFee, BigDecimal total,
        String currency, Instant estimatedReadyAt, Instant placedAt, Instant completedAt, Instant cancelledAt,
        List<StatusChange> history) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A delivery address as shown to staff. */
    public record Address(String text, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }

    /**
     * One move on the board.
     *
     * @param from null for the order's creation
     * @param by   a staff user id, {@code guest} or {@code system}
     */
    public record StatusChange(OrderStatus from, OrderStatus to, String reason, String by, Instant at) {
    }
}
