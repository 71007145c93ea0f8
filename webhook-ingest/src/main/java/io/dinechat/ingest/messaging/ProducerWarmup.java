package io.dinechat.ingest.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the producer and fetches the topics' metadata before the service reports ready, so the
 * first webhook after a start does not spend its acknowledgement budget connecting to Kafka.
 * A broker that is down does not stop the start: webhooks then get 503 until it is back.
 */
@Component
class ProducerWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmup.class);
    private final KafkaTemplate<?, ?> kafka;

    ProducerWarmup(KafkaTemplate<?, ?> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            kafka.partitionsFor(Topics.INBOUND);
            kafka.partitionsFor(Topics.STATUS);
        } catch (RuntimeException e) {
            log.warn("Kafka is not reachable yet; webhooks will be answered 503 until it is: {}", e.toString());
        }
    }
}
