package io.dinechat.order.catalog.messaging;

import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Topics order-service owns, each with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Compacted, keyed by tenant id: the latest catalog snapshot of every business. */
    public static final String CATALOG_SNAPSHOTS = "catalog.snapshots.v1";
    /** Keyed by conversation: orders the assistant asks for. */
    public static final String ORDER_COMMANDS = "order.commands.v1";
    /** Keyed by conversation where one asked, otherwise by order id: what happened to orders. */
    public static final String ORDER_EVENTS = "order.events.v1";
    /** Keyed by order id: closed orders handed to archive-service. */
    public static final String ORDER_ARCHIVE = "order.archive.v1";
    /** Keyed by order id: archive-service's acknowledgements, after which an order may be deleted here. */
    public static final String ORDER_ARCHIVED = "order.archived.v1";

    /** Keyed by the guest's conversation: messages conversation-service sends them (order status changes). */
    public static final String NOTIFICATION_REQUESTS = "notification.requests.v1";
    /** Keyed by tenant id: who changed what in the dashboard (io.dinechat.platform.audit.AuditTrail). */
    public static final String AUDIT = "audit.v1";

    public static final String GROUP = "order-service";

    @Bean
    KafkaAdmin.NewTopics orderTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .compacted(CATALOG_SNAPSHOTS)
                .ordered(ORDER_COMMANDS)
                .ordered(ORDER_EVENTS)
                .ordered(ORDER_ARCHIVE)
                .ordered(ORDER_ARCHIVED)
                .ordered(NOTIFICATION_REQUESTS)
                .ordered(AUDIT)
                .toArray());
    }
}
