package io.dinechat.order.ordering.application;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.domain.Order;
import io.dinechat.order.ordering.domain.Order.StatusChange;
import io.dinechat.order.ordering.domain.OrderStatus;
import io.dinechat.order.ordering.domain.StatusMessages;
import io.dinechat.order.ordering.messaging.OrderEventsJson;
import io.dinechat.order.ordering.persistence.OrderBook;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moves orders along the kitchen's board. In one tenant transaction: the order is locked, the
 * move checked against the state machine, the status and its history written, and the
 * order.status.changed event, the guest's notification and the audit record go to the outbox.
 */
@Service
public class OrderBoard {

    /** A status message older than this is no longer worth sending to the guest. */
    private static final Duration NOTIFICATION_LIFETIME = Duration.ofHours(6);

    private final TenantTransactions tenants;
    private final OrderBook orders;
    private final Outbox outbox;
    private final OrderEventsJson json;
    private final AuditTrail audit;
    private final Clock clock;

    public OrderBoard(TenantTransactions tenants, OrderBook orders, Outbox outbox, OrderEventsJson json,
            AuditTrail audit, Clock clock) {
        this.tenants = tenants;
        this.orders = orders;
        this.outbox = outbox;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The move is not allowed from the order's current status (409 for the dashboard). */
    public static final class InvalidTransition extends RuntimeException {
        private final OrderStatus from;
        private final OrderStatus to;

        public InvalidTransition(OrderStatus from, OrderStatus to) {
            super("An order that is " + from.wire() + " cannot become " + to.wire() + ".");
            this.from = from;
            this.to = to;
        }

        public OrderStatus from() {
            return from;
        }

        public OrderStatus to() {
            return to;
        }
    }

    /** No such order in this business (404). */
    public static final class OrderNotFound extends RuntimeException {
        public OrderNotFound(UUID orderId) {
            super("No order " + orderId + ".");
        }
    }

    /** A cancellation says why (400). */
    public static final class ReasonRequired extends RuntimeException {
        public ReasonRequired() {
            super("A cancellation needs a reason the guest can be told.");
        }
    }

    public Mono<Order> move(Actor actor, UUID orderId, OrderStatus to, String reason) {
        if (to == OrderStatus.CANCELLED && (reason == null || reason.isBlank())) {
            return Mono.error(new ReasonRequired());
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tenants.inTenant(actor.tenantId(), () -> orders.lock(orderId)
                        .switchIfEmpty(Mono.error(() -> new OrderNotFound(orderId)))
                        .flatMap(before -> {
                            if (!before.status().canMoveTo(to)) {
                                return Mono.error(new InvalidTransition(before.status(), to));
                            }
                            StatusChange change = new StatusChange(before.status(), to,
                                    to == OrderStatus.CANCELLED ? cleanReason : null, actor.userId().toString(), at);
                            return orders.moveTo(actor.tenantId(), orderId, before.status(), to, change.reason(),
                                            change.by(), at)
                                    .then(orders.find(orderId))
                                    .flatMap(after -> announce(after, change)
                                            .then(audit.record(actor, "order.status_changed", "order", orderId,
                                                    summary(before), summary(after)))
                                            .thenReturn(after));
                        }));
    }

    public static final java.util.Set<String> PAYMENT_STATUSES = java.util.Set.of("unpaid", "paid", "refunded");

    /** Records that the order was paid (or refunded); audited, nothing sent to the guest. */
    public Mono<Order> payment(Actor actor, UUID orderId, String paymentStatus) {
        return tenants.inTenant(actor.tenantId(), () -> orders.lock(orderId)
                .switchIfEmpty(Mono.error(() -> new OrderNotFound(orderId)))
                .flatMap(before -> before.paymentStatus().equals(paymentStatus) ? Mono.just(before)
                        : orders.markPaid(orderId, paymentStatus)
                                .then(orders.find(orderId))
                                .flatMap(after -> audit.record(actor, "order.payment_changed", "order", orderId,
                                        Map.of("paymentStatus", before.paymentStatus()),
                                        Map.of("paymentStatus", after.paymentStatus())).thenReturn(after))));
    }

    private Mono<Void> announce(Order order, StatusChange change) {
        String key = order.conversationKey() != null ? order.conversationKey() : order.id().toString();
        Mono<Void> event = outbox.append(Topics.ORDER_EVENTS, new EventEnvelope(UUID.randomUUID().toString(),
                OrderEventsJson.STATUS_CHANGED, OrderDesk.SOURCE, change.at(), order.tenantId().toString(), null, key,
                json.statusChanged(order, change)));
        if (order.conversationKey() == null) {
            return event; // a dashboard order has no WhatsApp conversation to tell
        }
        UUID notificationId = UUID.randomUUID();
        String text = StatusMessages.text(order.language(), order.reference(), change.to(), change.reason());
        Mono<Void> notification = outbox.append(Topics.NOTIFICATION_REQUESTS, new EventEnvelope(
                notificationId.toString(), OrderEventsJson.NOTIFICATION_REQUESTED, OrderDesk.SOURCE, change.at(),
                order.tenantId().toString(), null, order.conversationKey(),
                json.notification(notificationId, order, text, change.to(), change.at().plus(NOTIFICATION_LIFETIME))));
        return event.then(notification);
    }

    private static Map<String, Object> summary(Order order) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reference", order.reference());
        summary.put("status", order.status().wire());
        summary.put("cancelReason", order.cancelReason());
        return summary;
    }
}
