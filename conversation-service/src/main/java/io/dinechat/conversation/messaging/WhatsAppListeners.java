package io.dinechat.conversation.messaging;

import io.dinechat.conversation.application.ConversationTurns;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the inbound WhatsApp topic (statuses: {@link DeliveryStatusListener}). Each record is handled to the end before the next one of its
 * partition: waiting on the consumer thread (never an event-loop thread) is what keeps one
 * conversation's messages in order; conversations on other partitions proceed in parallel.
 */
@Component
class WhatsAppListeners {

    private static final Duration TURN_LIMIT = Duration.ofSeconds(60);
    static final String RECEIVED = "io.dinechat.whatsapp.message.received";
    static final String ECHOED = "io.dinechat.whatsapp.message.echoed";

    private final ConversationTurns turns;
    private final JsonMapper json;

    WhatsAppListeners(ConversationTurns turns, JsonMapper json) {
        this.turns = turns;
        this.json = json;
    }

    @KafkaListener(id = "whatsapp-inbound", topics = Topics.WHATSAPP_INBOUND, groupId = Topics.GROUP)
    void onInbound(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!RECEIVED.equals(event.type()) && !ECHOED.equals(event.type())) {
            return; // a newer event type this version does not know: skip, do not fail
        }
        turns.handle(toMessage(event)).block(TURN_LIMIT);
    }

    private GuestMessage toMessage(ReceivedEvent event) {
        JsonNode body = json.readTree(event.json());
        var key = new ConversationKey(required(body, "phoneNumberId"), required(body, "waId"));
        String sentAt = body.path("sentAt").asString(null);
        return new GuestMessage(event.id(), key, body.path("contactName").asString(null), required(body, "messageId"),
                sentAt == null ? null : Instant.parse(sentAt), body.path("type").asString("unknown"),
                body.path("text").asString(null), body.path("message").toString(), ECHOED.equals(event.type()));
    }

    private static String required(JsonNode body, String field) {
        String value = body.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event body without " + field);
        }
        return value;
    }
}
