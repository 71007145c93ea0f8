package io.dinechat.testing;

import io.dinechat.platform.events.CloudEventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as an analyst would, to assert what a service published.
 * Each probe has its own consumer group so it sees every record.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until a record matches or the timeout passes; returns every record seen so far. */
    public List<ConsumerRecord<String, byte[]>> pollUntil(Predicate<ConsumerRecord<String, byte[]>> match,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && seen.stream().noneMatch(match)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Polls for the whole duration: for asserting that something was NOT published. */
    public List<ConsumerRecord<String, byte[]>> pollFor(Duration duration) {
        return pollUntil(r -> false, duration);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.optional(record.headers(), name).orElse(null);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
