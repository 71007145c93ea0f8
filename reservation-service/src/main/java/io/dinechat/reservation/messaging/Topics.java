package io.dinechat.reservation.messaging;

import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics reservation-service owns, each with its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class Topics {

    /** Booking, change and availability requests, keyed by the conversation that asked. */
    public static final String RESERVATION_COMMANDS = "reservation.commands.v1";
    /** Replies and reservation lifecycle events, keyed by the same conversation where one asked. */
    public static final String RESERVATION_EVENTS = "reservation.events.v1";

    @Bean
    KafkaAdmin.NewTopics reservationTopics(PlatformProperties properties) {
        // Commands and their replies share the conversation key, so both keep per-key order.
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas())
                .ordered(RESERVATION_COMMANDS)
                .ordered(RESERVATION_EVENTS)
                .toArray());
    }
}
