package io.dinechat.conversation.messaging;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Topics conversation-service reads and the one it owns. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    public static final String WHATSAPP_INBOUND = "whatsapp.inbound.v1";
    public static final String WHATSAPP_STATUS = "whatsapp.status.v1";
    public static final String CATALOG_SNAPSHOTS = "catalog.snapshots.v1";
    /** Owned here: every message logged in a conversation, keyed by conversation. */
    public static final String CONVERSATION_EVENTS = "conversation.events.v1";
    /** Read here: reminders, order updates and owner alerts to send on WhatsApp, keyed by conversation. */
    public static final String NOTIFICATION_REQUESTS = "notification.requests.v1";

    /** Produced here (issue 7): the assistant's commands to reservation-service and order-service. */
    public static final String RESERVATION_COMMANDS = "reservation.commands.v1";
    public static final String ORDER_COMMANDS = "order.commands.v1";
    /** Read here: their answers, keyed by conversation. */
    public static final String RESERVATION_EVENTS = "reservation.events.v1";
    public static final String ORDER_EVENTS = "order.events.v1";

    /** Produced here through the outbox: every dashboard change (AuditTrail). */
    public static final String AUDIT = AuditTrail.TOPIC;

    public static final String GROUP = "conversation-service";

    @Bean
    KafkaAdmin.NewTopics conversationTopics(PlatformProperties properties) {
        // Declared here too so the service starts in any order; declarations are idempotent.
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(CONVERSATION_EVENTS)
                .ordered(WHATSAPP_INBOUND)
                .ordered(WHATSAPP_STATUS)
                .ordered(NOTIFICATION_REQUESTS)
                .ordered(RESERVATION_COMMANDS)
                .ordered(RESERVATION_EVENTS)
                .ordered(ORDER_COMMANDS)
                .ordered(ORDER_EVENTS)
                .ordered(AUDIT)
                .compacted(CATALOG_SNAPSHOTS)
                .toArray());
    }
}
