package io.dinechat.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.embedded.KafkaBroker;
import io.dinechat.platform.messaging.TopicDeclarations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Replaying a dead-letter topic on a real broker. Dead letters are written by spring-kafka's own
 * recoverer, routed exactly as {@code OrderedDeadLetterPolicy} routes them, so the headers the tool
 * strips are the real ones.
 */
class ReplayDeadLettersTests {

    static KafkaBroker broker;
    static KafkaProducer<String, String> producer;
    static DeadLetterPublishingRecoverer recoverer;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer()));
        recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
    }

    @AfterAll
    static void stop() {
        producer.close();
        broker.close();
    }

    @Test
    void eachDeadLetterGoesBackToItsPartitionInOrderWithItsHeadersButNotTheDiagnostics() throws Exception {
        String topic = declare(3, 3);
        String guestA = "100:" + UUID.randomUUID();
        String guestB = "200:" + UUID.randomUUID();
        var originals = List.of(send(topic, guestA, "a1"), send(topic, guestB, "b1"), send(topic, guestA, "a2"),
                send(topic, guestB, "b2"));
        deadLetter(topic, originals.size());
        // A quarantined webhook: unreadable, never processed, so not a dead letter of the topic.
        producer.send(new ProducerRecord<>(topic + ".DLT", 0, "quarantine", "{not json",
                new RecordHeaders().add("ce_type", bytes("io.dinechat.whatsapp.webhook.quarantined")))).get();

        Run run = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic + ".DLT", "--confirm");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Replayed 4 record(s) from " + topic + ".DLT to " + topic + ", skipped 1");
        List<ConsumerRecord<String, String>> replayed = read(topic).stream()
                .filter(r -> r.offset() >= originalCountOn(originals, r.partition())).toList();
        assertThat(replayed).hasSize(4);
        for (ConsumerRecord<String, String> record : replayed) {
            var original = originals.stream().filter(o -> o.value().equals(record.value())).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(original.key());
            assertThat(record.partition()).isEqualTo(original.partition());
            assertThat(headerNames(record)).containsExactlyInAnyOrder("ce_id", "ce_type")
                    .noneMatch(name -> name.startsWith("kafka_dlt-"));
            assertThat(header(record, "ce_id")).isEqualTo(header(original, "ce_id"));
        }
        assertThat(valuesOf(replayed, guestA)).containsExactly("a1", "a2");
        assertThat(valuesOf(replayed, guestB)).containsExactly("b1", "b2");

        Run again = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--confirm");
        assertThat(again.out()).contains("Replayed 0 record(s)");
        assertThat(read(topic)).hasSize(8);
    }

    @Test
    void maxStopsEarlyAndTheNextRunResumesWithoutDuplicates() throws Exception {
        String topic = declare(3, 3);
        String guest = "100:" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            send(topic, guest, "m" + i);
        }
        deadLetter(topic, 5);

        Run first = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--max", "2", "--confirm");
        assertThat(first.out()).contains("Replayed 2 record(s)");
        assertThat(valuesOf(read(topic), guest)).containsExactly("m1", "m2", "m3", "m4", "m5", "m1", "m2");

        Run rest = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--confirm");
        assertThat(rest.out()).contains("Replayed 3 record(s)");
        assertThat(valuesOf(read(topic), guest))
                .containsExactly("m1", "m2", "m3", "m4", "m5", "m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void aDryRunListsTheDeadLettersAndChangesNothing() throws Exception {
        String topic = declare(3, 3);
        String guest = "100:" + UUID.randomUUID();
        send(topic, guest, "hello");
        send(topic, guest, "table for two");
        deadLetter(topic, 2);

        Run dry = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--dry-run");

        assertThat(dry.status()).isZero();
        assertThat(dry.out()).contains("would replay " + topic + ".DLT-").contains("key=" + guest)
                .contains("type=io.dinechat.test.said").contains("cause=provider down")
                .contains("Would replay 2 record(s)");
        assertThat(read(topic)).hasSize(2);
        // Nothing was committed either: a real run still finds both.
        assertThat(replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--confirm").out())
                .contains("Replayed 2 record(s)");
    }

    @Test
    void withoutConfirmNothingIsReplayed() throws Exception {
        String topic = declare(3, 3);
        send(topic, "100:" + UUID.randomUUID(), "hello");
        deadLetter(topic, 1);

        Run refused = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic);

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("without --confirm");
        assertThat(read(topic)).hasSize(1);
    }

    @Test
    void aTopicWithFewerPartitionsThanItsDeadLettersIsRefused() throws Exception {
        String topic = declare(1, 3);

        Run refused = replay("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--confirm");

        assertThat(refused.status()).isEqualTo(3);
        assertThat(refused.err()).contains("cannot go back to the partition they came from");
    }

    @Test
    void unknownOptionsAndMissingTopicsAreUsageErrors() {
        assertThat(replay("--topic", "x").status()).isEqualTo(2);
        assertThat(replay("--bootstrap-servers", "localhost:1", "--topic", "x", "--max", "0", "--confirm").status())
                .isEqualTo(2);
        assertThat(replay("--bootstrap-servers", "localhost:1", "--topic", "x", "--yes").status()).isEqualTo(2);
    }

    // --- fixtures

    record Run(int status, String out, String err) {
    }

    private static Run replay(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = ReplayDeadLetters.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String declare(int partitions, int deadLetterPartitions) throws Exception {
        String topic = "replay.test." + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            if (partitions == deadLetterPartitions) {
                admin.createTopics(List.of(new TopicDeclarations(partitions, (short) 1).ordered(topic).toArray()))
                        .all().get();
            } else {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                        new NewTopic(topic + ".DLT", deadLetterPartitions, (short) 1))).all().get();
            }
        }
        return topic;
    }

    private static ConsumerRecord<String, String> send(String topic, String key, String value) throws Exception {
        var headers = new RecordHeaders().add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes("io.dinechat.test.said"));
        var metadata = producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        return new ConsumerRecord<>(topic, metadata.partition(), metadata.offset(), metadata.timestamp(),
                TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    /** Reads the topic's first records back as a listener would, and dead-letters them as the error handler would. */
    private static void deadLetter(String topic, int count) {
        for (ConsumerRecord<String, String> record : read(topic).subList(0, count)) {
            recoverer.accept(record, new IllegalStateException("provider down"));
        }
    }

    private static List<ConsumerRecord<String, String>> read(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort(java.util.Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private static long originalCountOn(List<ConsumerRecord<String, String>> originals, int partition) {
        return originals.stream().filter(o -> o.partition() == partition).count();
    }

    private static List<String> valuesOf(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
