package io.dinechat.conversation.messaging;

import io.dinechat.conversation.application.GuestNotifications;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code notification.requests.v1} ({@code io.dinechat.notification.requested}, see
 * docs/contracts.md). Handled to the end on the consumer thread, like every conversation topic;
 * a request that cannot be read goes to the DLT at once.
 */
@Component
class NotificationRequestListener {

    static final String REQUESTED = "io.dinechat.notification.requested";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final GuestNotifications notifications;
    private final JsonMapper json;

    NotificationRequestListener(GuestNotifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @KafkaListener(id = "notification-requests", topics = Topics.NOTIFICATION_REQUESTS,
            groupId = "${dinechat.conversation.consumer-group:" + Topics.GROUP + "}")
    void onRequest(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!REQUESTED.equals(event.type())) {
            return;
        }
        notifications.handle(toRequest(json.readTree(event.json()))).block(LIMIT);
    }

    GuestNotifications.Request toRequest(JsonNode body) {
        try {
            List<OutboundContent.Button> buttons = new ArrayList<>();
            body.path("buttons").forEach(b -> buttons.add(new OutboundContent.Button(b.path("id").asString(),
                    b.path("title").asString())));
            JsonNode template = body.path("template");
            List<String> parameters = new ArrayList<>();
            template.path("parameters").forEach(p -> parameters.add(p.asString()));
            String expiresAt = body.path("expiresAt").asString(null);
            return new GuestNotifications.Request(
                    UUID.fromString(body.path("notificationId").asString()),
                    UUID.fromString(body.path("tenantId").asString()),
                    ConversationKey.parse(body.path("conversationKey").asString(null)),
                    body.path("text").asString(),
                    buttons,
                    template.isObject() ? new OutboundContent.Template(template.path("name").asString(),
                            templateLanguage(template.path("language").asString()), parameters) : null,
                    expiresAt == null ? null : Instant.parse(expiresAt));
        } catch (RuntimeException e) {
            throw new MalformedEventException("unreadable notification request: " + e.getMessage());
        }
    }

    /**
     * The contract names languages as the catalog does; Meta wants the code the template was approved
     * in. Arabizi readers get the Arabic template (templates are not approved in Arabizi).
     */
    static String templateLanguage(String language) {
        return switch (language) {
            case "english" -> "en";
            case "french" -> "fr";
            case "arabic", "arabizi" -> "ar";
            default -> language; // already a Meta code such as en_US
        };
    }
}
