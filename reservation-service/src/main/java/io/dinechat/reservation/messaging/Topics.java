package io.dinechat.reservation.messaging;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics reservation-service owns or writes to, each with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Booking, change and availability requests, keyed by the conversation that asked. */
    public static final String RESERVATION_COMMANDS = "reservation.commands.v1";
    /** Replies and reservation lifecycle events, keyed by the same conversation where one asked. */
    public static final String RESERVATION_EVENTS = "reservation.events.v1";
    /** Reminders for guests, keyed by the guest's conversation; conversation-service sends them. */
    public static final String NOTIFICATION_REQUESTS = "notification.requests.v1";
    /** Every dashboard change (who changed what), keyed by tenant. */
    public static final String AUDIT = AuditTrail.TOPIC;
    /** order-service's compacted catalog: opening hours, overrides, time zone, branches. */
    public static final String CATALOG_SNAPSHOTS = "catalog.snapshots.v1";
    public static final String GROUP = "reservation-service";

    @Bean
    KafkaAdmin.NewTopics reservationTopics(PlatformProperties properties) {
        // Commands and their replies share the conversation key, so both keep per-key order.
        // The others are owned elsewhere too; declaring an existing topic is a no-op, and producing
        // needs it to exist (auto-creation is off).
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(RESERVATION_COMMANDS)
                .ordered(RESERVATION_EVENTS)
                .ordered(NOTIFICATION_REQUESTS)
                .ordered(AUDIT)
                .compacted(CATALOG_SNAPSHOTS)
                .toArray());
    }
}
