package io.dinechat.archive.messaging;

import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic archive-service owns, and those it reads, each with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Acknowledges an archived order, keyed by order: only then may order-service delete it from SQL. */
    public static final String ORDER_ARCHIVED = "order.archived.v1";

    public static final String ORDER_ARCHIVE = "order.archive.v1";
    public static final String CONVERSATION_EVENTS = "conversation.events.v1";
    public static final String WHATSAPP_INBOUND = "whatsapp.inbound.v1";
    public static final String AUDIT = "audit.v1";
    public static final String BILLING_EVENTS = "billing.events.v1";
    public static final String CATALOG_SNAPSHOTS = "catalog.snapshots.v1";

    public static final String GROUP = "archive-service";

    @Bean
    KafkaAdmin.NewTopics archiveTopics(PlatformProperties properties) {
        // The topics read are declared here too, so the service starts in any order (declarations are idempotent).
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(ORDER_ARCHIVED)
                .ordered(ORDER_ARCHIVE)
                .ordered(CONVERSATION_EVENTS)
                .ordered(WHATSAPP_INBOUND)
                .ordered(AUDIT)
                .ordered(BILLING_EVENTS)
                .compacted(CATALOG_SNAPSHOTS)
                .toArray());
    }
}
