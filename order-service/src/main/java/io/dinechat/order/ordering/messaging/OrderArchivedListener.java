package io.dinechat.order.ordering.messaging;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.application.Archivist;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** archive-service's acknowledgements: only now may a closed order leave PostgreSQL. */
@Component
class OrderArchivedListener {

    static final String ARCHIVED = "io.dinechat.order.archived";
    private static final Logger log = LoggerFactory.getLogger(OrderArchivedListener.class);

    private final Archivist archivist;
    private final JsonMapper json;

    OrderArchivedListener(Archivist archivist, JsonMapper json) {
        this.archivist = archivist;
        this.json = json;
    }

    @KafkaListener(id = "order-archived", topics = Topics.ORDER_ARCHIVED, groupId = Topics.GROUP)
    void onArchived(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!ARCHIVED.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        UUID tenantId = uuid(body, "tenantId");
        UUID orderId = uuid(body, "orderId");
        Boolean deleted = archivist.archived(tenantId, orderId).block(Duration.ofSeconds(30));
        log.debug("Order {} archived; deleted here: {}", orderId, deleted);
    }

    private static UUID uuid(JsonNode body, String field) {
        try {
            return UUID.fromString(body.path(field).asString(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("order.archived without a valid " + field);
        }
    }
}
