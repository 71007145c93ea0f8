package io.dinechat.conversation.messaging;

import io.dinechat.conversation.application.DeliveryStatuses;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code whatsapp.status.v1}: Meta's delivery statuses of what we sent, one conversation's in
 * order on its partition (though Meta itself may send them out of order; {@link DeliveryStatuses}
 * copes). Of the notices on the same topic, a Business App sync marks the number as coexistence
 * (lower sending rate); the others are skipped here.
 */
@Component
class DeliveryStatusListener {

    static final String STATUS = "io.dinechat.whatsapp.status.updated";
    static final String NOTICE = "io.dinechat.whatsapp.notice.received";
    /** Fields Meta sends only for numbers also used from the WhatsApp Business App. */
    private static final java.util.Set<String> BUSINESS_APP_FIELDS = java.util.Set.of("smb_app_state_sync", "history",
            "smb_message_echoes");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final DeliveryStatuses statuses;
    private final JsonMapper json;

    DeliveryStatusListener(DeliveryStatuses statuses, JsonMapper json) {
        this.statuses = statuses;
        this.json = json;
    }

    @KafkaListener(id = "whatsapp-status", topics = Topics.WHATSAPP_STATUS,
            groupId = "${dinechat.conversation.consumer-group:" + Topics.GROUP + "}")
    void onStatus(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (NOTICE.equals(event.type())) {
            JsonNode notice = json.readTree(event.json());
            String number = notice.path("phoneNumberId").asString(null);
            if (number != null && BUSINESS_APP_FIELDS.contains(notice.path("field").asString(""))) {
                statuses.businessAppInUse(number).block(LIMIT);
            }
            return;
        }
        if (!STATUS.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        JsonNode error = body.path("errors").path(0);
        Integer errorCode = error.path("code").isNumber() ? error.path("code").asInt() : null;
        String errorDetail = error.isMissingNode() ? null
                : error.path("title").asString("") + (error.path("error_data").path("details").isString()
                        ? ": " + error.path("error_data").path("details").asString() : "");
        statuses.apply(required(body, "phoneNumberId"), required(body, "messageId"), required(body, "status"),
                errorCode, errorDetail).block(LIMIT);
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event body without " + field);
        }
        return value;
    }
}
