package io.dinechat.order.ordering.messaging;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.application.OrderDesk;
import io.dinechat.order.ordering.domain.OrderRequest;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the assistant's order commands. Each is handled to the end on the consumer thread before
 * the next of its partition, so one conversation's commands are answered in the order sent.
 * What cannot be answered at all (no command id, tenant or conversation) goes to the DLT; what is
 * merely wrong (unknown items, bad quantities) is answered with a rejection the assistant explains.
 */
@Component
class OrderCommandListener {

    static final String QUOTE = "io.dinechat.order.quote.requested";
    static final String PLACE = "io.dinechat.order.place.requested";
    static final String STATUS = "io.dinechat.order.status.requested";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final OrderDesk desk;
    private final JsonMapper json;

    OrderCommandListener(OrderDesk desk, JsonMapper json) {
        this.desk = desk;
        this.json = json;
    }

    @KafkaListener(id = "order-commands", topics = Topics.ORDER_COMMANDS, groupId = Topics.GROUP)
    void onCommand(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!QUOTE.equals(event.type()) && !PLACE.equals(event.type()) && !STATUS.equals(event.type())) {
            return; // a newer command this version does not know: skip, do not fail
        }
        desk.handle(toCommand(event)).block(LIMIT);
    }

    OrderDesk.Command toCommand(ReceivedEvent event) {
        JsonNode body = json.readTree(event.json());
        UUID commandId = uuid(body, "commandId", true);
        UUID tenantId = uuid(body, "tenantId", true);
        String headerTenant = event.attributes().tenantId();
        if (headerTenant != null && !headerTenant.equals(tenantId.toString())) {
            throw new MalformedEventException("ce_tenantid " + headerTenant + " differs from the body's tenantId");
        }
        String conversationKey = text(body, "conversationKey");
        if (conversationKey == null) {
            throw new MalformedEventException("order command without a conversationKey");
        }
        if (STATUS.equals(event.type())) {
            String phone = text(body, "customerPhone");
            return new OrderDesk.StatusQuery(commandId, tenantId, conversationKey,
                    phone != null ? phone : conversationKey.substring(conversationKey.indexOf(':') + 1));
        }
        OrderRequest request = request(body, conversationKey);
        return QUOTE.equals(event.type())
                ? new OrderDesk.Quote(commandId, tenantId, conversationKey, request)
                : new OrderDesk.Place(commandId, tenantId, conversationKey, request);
    }

    private OrderRequest request(JsonNode body, String conversationKey) {
        JsonNode customer = body.path("customer");
        JsonNode address = body.path("deliveryAddress");
        List<OrderRequest.Line> lines = new ArrayList<>();
        body.path("items").forEach(item -> {
            List<UUID> options = new ArrayList<>();
            item.path("optionIds").forEach(o -> options.add(parseUuid(o.asString(null))));
            // A quantity that is not a whole number becomes 0, which the checkout refuses as INVALID.
            int quantity = item.path("quantity").canConvertToInt() && item.path("quantity").isIntegralNumber()
                    ? item.path("quantity").asInt() : 0;
            lines.add(new OrderRequest.Line(parseUuid(item.path("itemId").asString(null)), quantity, options,
                    text(item, "notes")));
        });
        return new OrderRequest(uuid(body, "branchId", false), conversationKey, text(body, "language"),
                new OrderRequest.Customer(text(customer, "name"), text(customer, "phone")),
                text(body, "fulfilment"),
                address.isObject() ? new OrderRequest.DeliveryAddress(text(address, "text"),
                        decimal(address.path("latitude")), decimal(address.path("longitude"))) : null,
                localTime(text(body, "scheduledFor")), text(body, "notes"), text(body, "paymentMethod"), lines);
    }

    private static UUID uuid(JsonNode body, String field, boolean required) {
        String value = text(body, field);
        if (value == null) {
            if (required) {
                throw new MalformedEventException("order command without " + field);
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID");
        }
    }

    /** An id the guest's side got wrong is an unknown id, answered as such, not a broken record. */
    private static UUID parseUuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static LocalDateTime localTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("scheduledFor is not a local date-time: " + value);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        return value == null || value.isBlank() ? null : value;
    }
}
