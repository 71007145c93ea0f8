package io.dinechat.ingest.messaging;

import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics webhook-ingest owns. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Guests' messages and staff echoes, keyed by conversation {@code <phone_number_id>:<wa_id>}. */
    public static final String INBOUND = "whatsapp.inbound.v1";
    /** Delivery statuses keyed by conversation; number-wide notices keyed by phone_number_id. */
    public static final String STATUS = "whatsapp.status.v1";
    /** Correctly signed bodies we could not read, kept whole for a human to look at. */
    public static final String INBOUND_QUARANTINE = INBOUND + ".DLT";

    public static String topicFor(WebhookRecord record) {
        return record.kind().isConversational() ? INBOUND : STATUS;
    }

    @Bean
    KafkaAdmin.NewTopics ingestTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas()).ordered(INBOUND).ordered(STATUS).toArray());
    }
}
