package io.dinechat.order.ordering.messaging;

import io.dinechat.order.ordering.domain.Order;
import io.dinechat.order.ordering.domain.Order.StatusChange;
import io.dinechat.order.ordering.domain.OrderRequest;
import io.dinechat.order.ordering.domain.OrderStatus;
import io.dinechat.order.ordering.domain.PricedOrder;
import io.dinechat.order.ordering.domain.PricedOrder.PricedLine;
import io.dinechat.order.ordering.domain.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of what order-service publishes about orders, written field by field so the
 * contract (event-schemas, docs/contracts.md) never follows a Java rename. Money is a decimal
 * string; restaurant-local times are {@code YYYY-MM-DDTHH:mm}; instants are RFC 3339 UTC.
 */
@org.springframework.stereotype.Component
public final class OrderEventsJson {

    public static final String QUOTED = "io.dinechat.order.quoted";
    public static final String PLACED = "io.dinechat.order.placed";
    public static final String REJECTED = "io.dinechat.order.rejected";
    public static final String STATUS_CHANGED = "io.dinechat.order.status.changed";
    public static final String STATUS_ANSWERED = "io.dinechat.order.status.answered";
    public static final String NOTIFICATION_REQUESTED = "io.dinechat.notification.requested";
    public static final String ARCHIVE_REQUESTED = "io.dinechat.order.archive.requested";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final JsonMapper json;

    public OrderEventsJson(JsonMapper json) {
        this.json = json;
    }

    /** A quote (order null) or a placed order's answer to its command. */
    public byte[] priced(UUID commandId, UUID tenantId, String conversationKey, PricedOrder priced, Order order) {
        ObjectNode node = json.createObjectNode()
                .put("commandId", commandId.toString())
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversationKey)
                .put("branchId", priced.branchId().toString());
        if (order != null) {
            node.put("orderId", order.id().toString())
                    .put("reference", order.reference())
                    .put("status", order.status().wire());
        }
        node.put("fulfilment", priced.request().fulfilment())
                .put("scheduledFor", local(priced.scheduledFor()))
                .put("estimatedReadyAt", instant(priced.estimatedReadyAt()));
        lines(node.putArray("lines"), priced.lines());
        node.put("subtotal", money(priced.subtotal()))
                .put("deliveryFee", money(priced.deliveryFee()))
                .put("total", money(priced.total()))
                .put("currency", priced.currency());
        return json.writeValueAsBytes(node);
    }

    public byte[] rejected(UUID commandId, UUID tenantId, String conversationKey, String command,
            List<Rejection> reasons) {
        ObjectNode node = json.createObjectNode()
                .put("commandId", commandId.toString())
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversationKey)
                .put("command", command);
        ArrayNode array = node.putArray("reasons");
        reasons.forEach(r -> array.addObject()
                .put("code", r.code().name())
                .put("itemId", r.itemId() == null ? null : r.itemId().toString())
                .put("message", r.message()));
        return json.writeValueAsBytes(node);
    }

    public byte[] statusChanged(Order order, StatusChange change) {
        return json.writeValueAsBytes(json.createObjectNode()
                .put("tenantId", order.tenantId().toString())
                .put("orderId", order.id().toString())
                .put("reference", order.reference())
                .put("conversationKey", order.conversationKey())
                .put("from", change.from() == null ? null : change.from().wire())
                .put("to", change.to().wire())
                .put("reason", change.reason())
                .put("by", change.by())
                .put("at", instant(change.at())));
    }

    public byte[] statusAnswered(UUID commandId, UUID tenantId, String conversationKey, List<Order> orders) {
        ObjectNode node = json.createObjectNode()
                .put("commandId", commandId.toString())
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversationKey);
        ArrayNode array = node.putArray("orders");
        orders.forEach(o -> array.addObject()
                .put("reference", o.reference())
                .put("status", o.status().wire())
                .put("total", money(o.total()))
                .put("currency", o.currency())
                .put("placedAt", instant(o.placedAt())));
        return json.writeValueAsBytes(node);
    }

    /** The guest's WhatsApp message about a status change: the text, or the order_status_update template outside the 24-hour window. */
    public byte[] notification(UUID notificationId, Order order, String text, OrderStatus to, Instant expiresAt) {
        String language = order.language() == null ? "english" : order.language();
        ObjectNode node = json.createObjectNode()
                .put("notificationId", notificationId.toString())
                .put("tenantId", order.tenantId().toString())
                .put("conversationKey", order.conversationKey())
                .put("purpose", "order_status")
                .put("language", language)
                .put("text", text);
        ObjectNode template = node.putObject("template")
                .put("name", "order_status_update")
                .put("language", language);
        template.putArray("parameters").add(order.reference()).add(to.wire());
        node.put("expiresAt", instant(expiresAt));
        return json.writeValueAsBytes(node);
    }

    /** The whole order for archive-service: everything it needs to answer questions after we forget it. */
    public byte[] archive(Order order) {
        ObjectNode node = json.createObjectNode()
                .put("orderId", order.id().toString())
                .put("tenantId", order.tenantId().toString())
                .put("branchId", order.branchId().toString())
                .put("reference", order.reference())
                .put("conversationKey", order.conversationKey());
        node.putObject("customer")
                .put("name", order.customer().name())
                .put("phone", order.customer().phone());
        node.put("language", order.language())
                .put("fulfilment", order.fulfilment());
        OrderRequest.DeliveryAddress address = order.deliveryAddress();
        if (address == null) {
            node.putNull("deliveryAddress");
        } else {
            node.putObject("deliveryAddress")
                    .put("text", address.text())
                    .put("latitude", address.latitude())
                    .put("longitude", address.longitude());
        }
        node.put("scheduledFor", local(order.scheduledFor()))
                .put("notes", order.notes())
                .put("paymentMethod", order.paymentMethod())
                .put("paymentStatus", order.paymentStatus());
        lines(node.putArray("lines"), order.lines());
        node.put("subtotal", money(order.subtotal()))
                .put("deliveryFee", money(order.deliveryFee()))
                .put("total", money(order.total()))
                .put("currency", order.currency())
                .put("status", order.status().wire());
        ArrayNode history = node.putArray("statusHistory");
        order.history().forEach(h -> history.addObject()
                .put("from", h.from() == null ? null : h.from().wire())
                .put("to", h.to().wire())
                .put("reason", h.reason())
                .put("by", h.by())
                .put("at", instant(h.at())));
        node.put("placedAt", instant(order.placedAt()))
                .put("completedAt", instant(order.completedAt()))
                .put("cancelledAt", instant(order.cancelledAt()));
        return json.writeValueAsBytes(node);
    }

    private static void lines(ArrayNode array, List<PricedLine> lines) {
        lines.forEach(l -> {
            ObjectNode line = array.addObject()
                    .put("itemId", l.itemId().toString())
                    .put("name", l.name())
                    .put("quantity", l.quantity())
                    .put("unitPrice", money(l.unitPrice()));
            ArrayNode options = line.putArray("options");
            l.options().forEach(o -> options.addObject()
                    .put("optionId", o.optionId().toString())
                    .put("name", o.name())
                    .put("priceDelta", money(o.priceDelta())));
            line.put("lineTotal", money(l.lineTotal()));
            if (l.notes() != null) {
                line.put("notes", l.notes());
            }
        });
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    static String local(LocalDateTime time) {
        return time == null ? null : LOCAL.format(time);
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
