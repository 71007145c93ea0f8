package io.dinechat.order.ordering.web;

import io.dinechat.order.ordering.application.LiveOrders;
import io.dinechat.order.ordering.application.OrderBoard;
import io.dinechat.order.ordering.domain.Order;
import io.dinechat.order.ordering.domain.OrderStatus;
import io.dinechat.order.ordering.persistence.OrderBook;
import io.dinechat.order.web.InvalidRequest;
import io.dinechat.order.web.NotFound;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's orders board: list and read orders, move them along, and a live stream of new
 * orders and status changes. Owners and staff of the business (tenant from the token); a platform
 * admin only through an act-as token.
 */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

    private static final Role[] BOARD = {Role.OWNER, Role.STAFF, Role.PLATFORM_ADMIN};
    /** Under the gateway's 10 s idle limit on proxied responses. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final OrderBook orders;
    private final OrderBoard board;
    private final TenantTransactions tenants;
    private final LiveOrders live;

    OrdersController(OrderBook orders, OrderBoard board, TenantTransactions tenants, LiveOrders live) {
        this.orders = orders;
        this.board = board;
        this.tenants = tenants;
        this.live = live;
    }

    @GetMapping
    Mono<List<OrderView>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) UUID branchId, @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "50") int limit) {
        var checks = InvalidRequest.checks();
        List<OrderStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : Arrays.asList(status.split(","))) {
                try {
                    statuses.add(OrderStatus.fromWire(s.strip()));
                } catch (IllegalArgumentException e) {
                    checks.require(false, "status", "unknown status " + s.strip());
                }
            }
        }
        Instant from = null;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            checks.require(false, "since", "an RFC 3339 instant, e.g. 2026-11-20T00:00:00Z");
        }
        checks.require(limit >= 1 && limit <= 200, "limit", "between 1 and 200");
        Instant fromFinal = from;
        return Mono.fromRunnable(checks::orThrow)
                .then(Actors.require(BOARD))
                .flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> orders.list(statuses, branchId, fromFinal, limit)
                        .map(OrderView::of).collectList()));
    }

    @GetMapping("/{orderId}")
    Mono<OrderView> one(@PathVariable UUID orderId) {
        return Actors.require(BOARD)
                .flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> orders.find(orderId)))
                .map(OrderView::of)
                .switchIfEmpty(Mono.error(() -> new NotFound("No order " + orderId + ".")));
    }

    /** Moves the order; 409 problem+json when its current status does not allow the move. */
    @PostMapping("/{orderId}/status")
    Mono<OrderView> move(@PathVariable UUID orderId, @RequestBody StatusChangeRequest request) {
        var checks = InvalidRequest.checks();
        OrderStatus to = null;
        try {
            to = request.status() == null ? null : OrderStatus.fromWire(request.status());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        checks.require(to != null, "status", "one of accepted, preparing, ready, completed, cancelled");
        checks.require(request.reason() == null || request.reason().length() <= 500, "reason", "at most 500 characters");
        checks.orThrow();
        OrderStatus target = to;
        return Actors.require(BOARD).flatMap(actor -> board.move(actor, orderId, target, request.reason()))
                .map(OrderView::of);
    }

    /** Marks the order paid, unpaid or refunded. */
    @PostMapping("/{orderId}/payment")
    Mono<OrderView> payment(@PathVariable UUID orderId, @RequestBody PaymentRequest request) {
        InvalidRequest.checks().require(OrderBoard.PAYMENT_STATUSES.contains(request.paymentStatus()), "paymentStatus",
                "one of paid, refunded, unpaid").orThrow();
        return Actors.require(BOARD).flatMap(actor -> board.payment(actor, orderId, request.paymentStatus()))
                .map(OrderView::of);
    }

    record PaymentRequest(String paymentStatus) {
    }

    /**
     * New orders and status changes of the business as they happen (SSE), with a heartbeat through
     * proxies; each event names the order, its reference and new status (details: GET /{orderId}).
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<LiveOrders.Change>> stream() {
        // A first comment commits the response at once, so the browser (and the gateway) see the stream open.
        return Actors.require(BOARD).flatMapMany(actor -> Flux.concat(
                Flux.just(ServerSentEvent.<LiveOrders.Change>builder().comment("connected").build()),
                Flux.merge(live.of(actor.tenantId()).map(change -> ServerSentEvent.<LiveOrders.Change>builder()
                        .id(change.orderId() + ":" + change.status())
                        .event(change.kind() == LiveOrders.Kind.PLACED ? "order.placed" : "order.status_changed")
                        .data(change)
                        .build()),
                Flux.interval(HEARTBEAT).map(tick -> ServerSentEvent.<LiveOrders.Change>builder().comment("heartbeat")
                        .build()))));
    }

    record StatusChangeRequest(String status, String reason) {
    }

    /** An order as the dashboard shows it. */
    record OrderView(UUID id, String reference, UUID branchId, String status, String cancelReason, String source,
            String customerName, String customerPhone, String language, String fulfilment, Order.Address deliveryAddress,
            String scheduledFor, String notes, String paymentMethod, String paymentStatus, List<Line> lines,
            String subtotal, String deliveryFee, String total, String currency, Instant estimatedReadyAt,
            Instant placedAt, Instant completedAt, Instant cancelledAt, List<Change> history) {

        static OrderView of(Order o) {
            return new OrderView(o.id(), o.reference(), o.branchId(), o.status().wire(), o.cancelReason(),
                    o.conversationKey() == null ? "dashboard" : "whatsapp", o.customer().name(), o.customer().phone(),
                    o.language(), o.fulfilment(),
                    o.deliveryAddress() == null ? null : new Order.Address(o.deliveryAddress().text(),
                            o.deliveryAddress().latitude(), o.deliveryAddress().longitude()),
                    o.scheduledFor() == null ? null : o.scheduledFor().toString(), o.notes(), o.paymentMethod(),
                    o.paymentStatus(),
                    o.lines().stream().map(l -> new Line(l.itemId(), l.name(), l.quantity(), money(l.unitPrice()),
                            l.options().stream().map(op -> new Option(op.optionId(), op.groupName(), op.name(),
                                    money(op.priceDelta()))).toList(), money(l.lineTotal()), l.notes())).toList(),
                    money(o.subtotal()), money(o.deliveryFee()), money(o.total()), o.currency(), o.estimatedReadyAt(),
                    o.placedAt(), o.completedAt(), o.cancelledAt(),
                    o.history().stream().map(h -> new Change(h.from() == null ? null : h.from().wire(), h.to().wire(),
                            h.reason(), h.by(), h.at())).toList());
        }

        private static String money(java.math.BigDecimal amount) {
            return amount == null ? null : amount.setScale(2).toPlainString();
        }

        record Line(UUID itemId, String name, int quantity, String unitPrice, List<Option> options, String lineTotal,
                String notes) {
        }

        record Option(UUID optionId, String group, String name, String priceDelta) {
        }

        record Change(String from, String to, String reason, String by, Instant at) {
        }
    }
}
