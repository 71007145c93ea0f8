package io.dinechat.billing.messaging;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic billing-service owns and the audit topic it writes to, each with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Plan and subscription changes, keyed by business: other services gate premium features on them. */
    public static final String BILLING_EVENTS = "billing.events.v1";

    @Bean
    KafkaAdmin.NewTopics billingTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(BILLING_EVENTS)
                .ordered(AuditTrail.TOPIC)
                .toArray());
    }
}
