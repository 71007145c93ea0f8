package io.dinechat.conversation.messaging;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
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
    private final MeterRegistry meters;

    public ConversationEvents(Outbox outbox, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
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
        return replyQueued(tenantId, conversation, replyId, text, "assistant");
    }

    /** A reply queued for the guest, by the assistant or by staff from the dashboard. */
    public Mono<Void> replyQueued(UUID tenantId, ConversationKey conversation, UUID replyId, String text,
            String author) {
        ObjectNode body = base(tenantId, conversation, replyId)
                .put("direction", "outbound")
                .put("author", author)
                .put("type", "text")
                .put("text", text)
                .put("at", clock.instant().toString());
        body.putNull("whatsappMessageId");
        return append(tenantId, conversation, body);
    }

    public static final String TURN_HANDLED = "io.dinechat.conversation.turn.handled";
    public static final String HANDOFF_CHANGED = "io.dinechat.conversation.handoff.changed";
    public static final String NOTIFICATION_REQUESTED = "io.dinechat.notification.requested";

    /** One handled turn: which engine understood it, in which language, what it achieved and how fast. */
    public Mono<Void> turnHandled(UUID tenantId, ConversationKey conversation, UUID turnId, String engine,
            String language, String intent, String outcome, long latencyMs, Integer tokens) {
        // dinechat_conversation_turn_seconds: the turn-latency panel of the operations dashboard.
        Timer.builder("dinechat.conversation.turn").description("An assistant turn, message in to reply queued")
                .tags("engine", engine, "outcome", outcome).publishPercentileHistogram().register(meters)
                .record(Duration.ofMillis(latencyMs));
        ObjectNode body = json.createObjectNode()
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversation.toString())
                .put("turnId", turnId.toString())
                .put("engine", engine)
                .put("language", language)
                .put("intent", intent)
                .put("outcome", outcome)
                .put("latencyMs", latencyMs);
        if (tokens == null) {
            body.putNull("tokens");
        } else {
            body.put("tokens", tokens);
        }
        return outbox.append(Topics.CONVERSATION_EVENTS, EventEnvelope.of(TURN_HANDLED, SOURCE, tenantId.toString(),
                conversation.toString(), json.writeValueAsBytes(body)));
    }

    /** The conversation moved between the assistant, staff and an escalation waiting for staff. */
    public Mono<Void> handoffChanged(UUID tenantId, ConversationKey conversation, String state, String by,
            String reason) {
        ObjectNode body = json.createObjectNode()
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversation.toString())
                .put("state", state)
                .put("by", by)
                .put("reason", reason)
                .put("at", clock.instant().toString());
        return outbox.append(Topics.CONVERSATION_EVENTS, EventEnvelope.of(HANDOFF_CHANGED, SOURCE, tenantId.toString(),
                conversation.toString(), json.writeValueAsBytes(body)));
    }

    /**
     * Alerts the owner on their personal WhatsApp number through notification.requests.v1: free-form
     * inside the 24-hour window, else the approved {@code owner_alert} template (guest, reason).
     */
    public Mono<Void> ownerAlert(UUID tenantId, ConversationKey ownerConversation, String language, String text,
            String guest, String reason) {
        UUID notificationId = UUID.randomUUID();
        ObjectNode body = json.createObjectNode()
                .put("notificationId", notificationId.toString())
                .put("tenantId", tenantId.toString())
                .put("conversationKey", ownerConversation.toString())
                .put("purpose", "owner_alert")
                .put("language", language)
                .put("text", text);
        ObjectNode template = body.putObject("template").put("name", "owner_alert").put("language", language);
        template.putArray("parameters").add(guest).add(reason);
        return outbox.append(Topics.NOTIFICATION_REQUESTS, new EventEnvelope(notificationId.toString(),
                NOTIFICATION_REQUESTED, SOURCE, clock.instant(), tenantId.toString(), null,
                ownerConversation.toString(), json.writeValueAsBytes(body)));
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
