package io.dinechat.conversation.messaging;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code conversation.events.v1} events into the outbox, in the caller's transaction. */
@Component
public class ConversationEvents {

    public static final String MESSAGE_LOGGED = "io.dinechat.conversation.message.logged";
    private static final String SOURCE = "/conversation-service";

    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    public ConversationEvents(Outbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> messageLogged(UUID tenantId, GuestMessage message, UUID storedId) {
        ObjectNode body = base(tenantId, message.conversation(), storedId)
                .put("whatsappMessageId", message.messageId())
                .put("direction", message.fromStaff() ? "outbound" : "inbound")
                .put("author", message.fromStaff() ? "staff" : "guest")
                .put("type", message.type())
                .put("text", message.text())
                .put("at", (message.sentAt() == null ? clock.instant() : message.sentAt()).toString());
        return append(tenantId, message.conversation(), body);
    }

    public Mono<Void> replyQueued(UUID tenantId, ConversationKey conversation, UUID replyId, String text) {
        ObjectNode body = base(tenantId, conversation, replyId)
                .put("direction", "outbound")
                .put("author", "assistant")
                .put("type", "text")
                .put("text", text)
                .put("at", clock.instant().toString());
        body.putNull("whatsappMessageId");
        return append(tenantId, conversation, body);
    }

    private ObjectNode base(UUID tenantId, ConversationKey conversation, UUID messageId) {
        return json.createObjectNode()
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversation.toString())
                .put("messageId", messageId.toString());
    }

    private Mono<Void> append(UUID tenantId, ConversationKey conversation, ObjectNode body) {
        var event = EventEnvelope.of(MESSAGE_LOGGED, SOURCE, tenantId.toString(), conversation.toString(),
                json.writeValueAsBytes(body));
        return outbox.append(Topics.CONVERSATION_EVENTS, event);
    }
}
