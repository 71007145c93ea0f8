package io.dinechat.platform.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events and completes only once the broker has acknowledged them (the producer runs
 * with {@code acks=all} and idempotence, see {@code PlatformDefaults}). Sending may block for up
 * to {@code max.block.ms} while the producer fetches metadata from a broker that is down, so it
 * runs on boundedElastic: no event-loop thread ever waits on Kafka.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public Mono<RecordMetadata> publish(String topic, EventEnvelope event) {
        return Mono.fromFuture(() -> send(topic, event)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Sends every event, in order, and completes when all are acknowledged. Records of one key go
     * to one partition, and the idempotent producer keeps their order even across retries.
     */
    public Mono<Void> publishAll(String topic, List<EventEnvelope> events) {
        return Mono.defer(() -> {
            CompletableFuture<?>[] sends = events.stream().map(e -> send(topic, e)).toArray(CompletableFuture[]::new);
            return Mono.fromFuture(CompletableFuture.allOf(sends));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private CompletableFuture<RecordMetadata> send(String topic, EventEnvelope event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), event.json());
        CloudEventHeaders.write(event, record.headers());
        return kafka.send(record).thenApply(result -> result.getRecordMetadata());
    }
}
