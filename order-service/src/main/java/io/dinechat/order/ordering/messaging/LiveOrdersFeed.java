package io.dinechat.order.ordering.messaging;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.application.LiveOrders;
import io.dinechat.platform.events.CloudEventHeaders;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the live board from order.events.v1. Every replica reads the whole topic with a consumer
 * group of its own, from the newest record on: the board shows what happens from now, and what a
 * browser missed it reads again on reconnect. It never fails a record (a board that misses one card
 * must not send order events to the dead-letter topic).
 */
@Component
class LiveOrdersFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveOrdersFeed.class);

    private final LiveOrders live;
    private final JsonMapper json;

    LiveOrdersFeed(LiveOrders live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    @KafkaListener(id = "order-live-board", topics = Topics.ORDER_EVENTS,
            groupId = "order-service-live-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest"})
    void onOrderEvent(ConsumerRecord<String, byte[]> record) {
        try {
            String type = CloudEventHeaders.optional(record.headers(), CloudEventHeaders.TYPE).orElse("");
            if (!OrderEventsJson.PLACED.equals(type) && !OrderEventsJson.STATUS_CHANGED.equals(type)) {
                return;
            }
            JsonNode body = json.readTree(record.value());
            boolean placed = OrderEventsJson.PLACED.equals(type);
            String at = placed ? CloudEventHeaders.optional(record.headers(), CloudEventHeaders.TIME).orElse(null)
                    : body.path("at").asString(null);
            live.publish(new LiveOrders.Change(placed ? LiveOrders.Kind.PLACED : LiveOrders.Kind.STATUS_CHANGED,
                    UUID.fromString(body.path("tenantId").asString()), UUID.fromString(body.path("orderId").asString()),
                    body.path("reference").asString(null), placed ? null : body.path("from").asString(null),
                    placed ? body.path("status").asString("pending") : body.path("to").asString(null),
                    placed ? body.path("total").asString(null) : null, placed ? body.path("currency").asString(null) : null,
                    at == null ? null : Instant.parse(at)));
        } catch (RuntimeException e) {
            log.debug("Live board skipped an order event it could not read: {}", e.toString());
        }
    }
}
