package io.dinechat.testing;

import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events the way another service would (CloudEvents headers, JSON body), for consumer tests. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String key, String ceId, String ceType, String tenantId, String json) {
        var event = new EventEnvelope(ceId, ceType, "/test", Instant.now(), tenantId, null, key,
                json.getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(topic, key, event.json());
        CloudEventHeaders.write(event, record.headers());
        sendAndWait(record);
    }

    /** A record exactly as given, headers and all: for malformed input. */
    public void sendRaw(String topic, String key, byte[] value) {
        sendAndWait(new ProducerRecord<>(topic, key, value));
    }

    private void sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a test record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
