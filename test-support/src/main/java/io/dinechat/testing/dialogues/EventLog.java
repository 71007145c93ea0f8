package io.dinechat.testing.dialogues;

import io.dinechat.platform.events.CloudEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything published about each conversation on the reservation, order and conversation topics,
 * read in the background while the dialogues play: what really happened, as the other services and
 * analysts see it.
 */
public final class EventLog implements AutoCloseable {

    public record Event(String topic, String type, JsonNode body) {
    }

    static final List<String> TOPICS = List.of("reservation.events.v1", "order.events.v1", "conversation.events.v1");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<Event>> byKey = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    public EventLog(String bootstrapServers) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dialogue-evaluation-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(TOPICS);
        reader = Thread.ofPlatform().daemon().name("dialogue-event-log").start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (var r : consumer.poll(Duration.ofMillis(100))) {
                        if (r.key() == null || r.value() == null) {
                            continue;
                        }
                        String type = CloudEventHeaders.optional(r.headers(), "ce_type").orElse("");
                        JsonNode body;
                        try {
                            body = JSON.readTree(r.value());
                        } catch (RuntimeException e) {
                            continue;
                        }
                        List<Event> events = byKey.computeIfAbsent(r.key(), k -> new ArrayList<>());
                        synchronized (events) {
                            events.add(new Event(r.topic(), type, body));
                        }
                    }
                }
            }
        });
    }

    /** Everything about one conversation so far, in the order it was read. */
    public List<Event> of(String conversationKey) {
        List<Event> events = byKey.getOrDefault(conversationKey, List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
