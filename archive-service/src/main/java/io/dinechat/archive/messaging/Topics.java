package io.dinechat.archive.messaging;

import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic archive-service owns, with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Acknowledges an archived order, keyed by order: only then may order-service delete it from SQL. */
    public static final String ORDER_ARCHIVED = "order.archived.v1";

    @Bean
    KafkaAdmin.NewTopics archiveTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(ORDER_ARCHIVED)
                .toArray());
    }
}
