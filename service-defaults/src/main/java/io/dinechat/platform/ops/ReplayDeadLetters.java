package io.dinechat.platform.ops;

import io.dinechat.platform.messaging.OrderedDeadLetterPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a dead-letter topic: reads {@code T.DLT} as a consumer group and re-publishes each dead
 * letter to {@code T} on the partition it came from, with its key, value and original headers
 * (the {@code kafka_dlt-*} diagnostics removed), committing after every record so an interrupted
 * run resumes where it stopped. Only what is in the DLT when the run starts is replayed: a record
 * that fails again and is dead-lettered anew waits for the next, deliberate run.
 *
 * <p>Safe to repeat because every consumer deduplicates on {@code ce_id}. Records that are not
 * dead letters of {@code T} (a quarantined, unreadable webhook has no {@code kafka_dlt-original-topic})
 * are skipped: re-publishing them would only dead-letter them again.
 *
 * <pre>
 * java -cp @/app/jib-classpath-file io.dinechat.platform.ops.ReplayDeadLetters \
 *     --bootstrap-servers dinechat-kafka-bootstrap:9092 --topic whatsapp.inbound.v1 --dry-run
 * ... --max 10 --confirm
 * </pre>
 */
public final class ReplayDeadLetters {

    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    private static final String USAGE = """
            usage: ReplayDeadLetters --bootstrap-servers <hosts> --topic <T> (--dry-run | --confirm)
                                     [--max <n>] [--group <id>] [--command-config <client.properties>]
                                     [--poll-timeout-ms <ms>]
              Re-publishes the records of T.DLT to T, each on its original partition, in order.
              --dry-run   list what would be replayed; publish and commit nothing
              --confirm   actually replay (required unless --dry-run)
              --max       replay at most n records this run (default: all present at start)
              --group     consumer group that remembers progress (default: dinechat-dlt-replay.<T>)""";

    private ReplayDeadLetters() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Options as given on the command line. */
    record Options(String bootstrapServers, String topic, boolean dryRun, boolean confirm, long max, String group,
            Path commandConfig, Duration pollTimeout) {

        String deadLetterTopic() {
            return topic + OrderedDeadLetterPolicy.DLT_SUFFIX;
        }

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            boolean dryRun = false;
            boolean confirm = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> dryRun = true;
                    case "--confirm" -> confirm = true;
                    case "--bootstrap-servers", "--topic", "--max", "--group", "--command-config", "--poll-timeout-ms" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        values.put(args[i], args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            String servers = values.get("--bootstrap-servers");
            String topic = values.get("--topic");
            if (servers == null || topic == null) {
                throw new IllegalArgumentException("--bootstrap-servers and --topic are required");
            }
            // Accept "T" or "T.DLT": the operator usually copies the dead-letter topic's name from the alert.
            if (topic.endsWith(OrderedDeadLetterPolicy.DLT_SUFFIX)) {
                topic = topic.substring(0, topic.length() - OrderedDeadLetterPolicy.DLT_SUFFIX.length());
            }
            long max = Long.parseLong(values.getOrDefault("--max", String.valueOf(Long.MAX_VALUE)));
            if (max < 1) {
                throw new IllegalArgumentException("--max must be at least 1");
            }
            String group = values.getOrDefault("--group", "dinechat-dlt-replay." + topic);
            Path config = values.containsKey("--command-config") ? Path.of(values.get("--command-config")) : null;
            Duration poll = Duration.ofMillis(Long.parseLong(values.getOrDefault("--poll-timeout-ms", "2000")));
            return new Options(servers, topic, dryRun, confirm, max, group, config, poll);
        }
    }

    /** What a run did. */
    record Outcome(long replayed, long skipped) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!options.dryRun() && !options.confirm()) {
            err.println("Refusing to replay " + options.deadLetterTopic() + " without --confirm. "
                    + "Look first with --dry-run, then run again with --confirm.");
            return 2;
        }
        try {
            Outcome outcome = replay(options, out);
            out.printf("%s %d record(s) from %s to %s, skipped %d (group %s)%n",
                    options.dryRun() ? "Would replay" : "Replayed", outcome.replayed(), options.deadLetterTopic(),
                    options.topic(), outcome.skipped(), options.group());
            return 0;
        } catch (RefusedException refused) {
            err.println(refused.getMessage());
            return 3;
        } catch (Exception failed) {
            err.println("Replay stopped: " + failed + ". Progress up to the last replayed record is committed; "
                    + "running again resumes there.");
            return 1;
        }
    }

    static Outcome replay(Options options, PrintStream out) throws IOException, InterruptedException,
            ExecutionException {
        Properties client = clientProperties(options);
        try (var consumer = new KafkaConsumer<>(consumerProperties(client, options), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                var producer = options.dryRun() ? null
                        : new KafkaProducer<>(producerProperties(client), new ByteArraySerializer(),
                                new ByteArraySerializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, options.deadLetterTopic());
            int targetPartitions = partitionsOf(consumer, options.topic()).size();
            if (targetPartitions < partitions.size()) {
                throw new RefusedException(options.topic() + " has " + targetPartitions + " partitions but "
                        + options.deadLetterTopic() + " has " + partitions.size()
                        + ": records cannot go back to the partition they came from.");
            }
            consumer.assign(partitions);
            // Snapshot where the DLT ends now; records dead-lettered during the run are left for the next one.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata start = committed.get(partition);
                if (start != null) {
                    consumer.seek(partition, start.offset());
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
                if (consumer.position(partition) < end.get(partition)) {
                    pending.add(partition);
                }
            }
            consumer.pause(partitions);
            consumer.resume(pending);
            long replayed = 0;
            long skipped = 0;
            int idlePolls = 0;
            while (!pending.isEmpty() && replayed < options.max()) {
                var records = consumer.poll(options.pollTimeout());
                if (records.isEmpty()) {
                    // Only aborted transactional records can stand between a position and the end snapshot.
                    if (++idlePolls >= 3) {
                        out.println("No more records reachable on " + pending + "; stopping.");
                        break;
                    }
                    continue;
                }
                idlePolls = 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (!pending.contains(partition) || record.offset() >= end.get(partition)
                            || replayed >= options.max()) {
                        continue;
                    }
                    if (isDeadLetterOf(record, options.topic())) {
                        int target = originalPartition(record);
                        out.printf("%s %s-%d@%d -> %s-%d key=%s type=%s id=%s cause=%s%n",
                                options.dryRun() ? "would replay" : "replay", record.topic(), record.partition(),
                                record.offset(), options.topic(), target, text(record.key()),
                                header(record, "ce_type"), header(record, "ce_id"), header(record, EXCEPTION_MESSAGE));
                        if (!options.dryRun()) {
                            producer.send(new ProducerRecord<>(options.topic(), target, record.key(), record.value(),
                                    withoutDeadLetterHeaders(record))).get();
                        }
                        replayed++;
                    } else {
                        out.printf("skip %s-%d@%d: not a dead letter of %s (key=%s type=%s)%n", record.topic(),
                                record.partition(), record.offset(), options.topic(), text(record.key()),
                                header(record, "ce_type"));
                        skipped++;
                    }
                    if (!options.dryRun()) {
                        // Acknowledged by Kafka first, then committed: a crash in between replays one
                        // record twice, which the consumers' ce_id deduplication absorbs.
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
                for (var partition : List.copyOf(pending)) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        pending.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            return new Outcome(replayed, skipped);
        }
    }

    static boolean isDeadLetterOf(ConsumerRecord<byte[], byte[]> record, String topic) {
        return topic.equals(header(record, ORIGINAL_TOPIC));
    }

    /** The partition recorded by the dead-letter recoverer, else the DLT's own (they match by policy). */
    static int originalPartition(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(ORIGINAL_PARTITION);
        if (header != null && header.value() != null && header.value().length == Integer.BYTES) {
            return java.nio.ByteBuffer.wrap(header.value()).getInt();
        }
        return record.partition();
    }

    static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<byte[], byte[]> record) {
        var headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        var info = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        if (info == null || info.isEmpty()) {
            throw new RefusedException("Topic " + topic + " does not exist.");
        }
        return info.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return "-";
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        // Exception messages can be long; the first line says enough here.
        int newline = value.indexOf('\n');
        return newline < 0 ? value : value.substring(0, newline);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "-" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Properties clientProperties(Options options) throws IOException {
        var properties = new Properties();
        if (options.commandConfig() != null) {
            try (Reader reader = Files.newBufferedReader(options.commandConfig())) {
                properties.load(reader);
            }
        }
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        return properties;
    }

    private static Properties consumerProperties(Properties client, Options options) {
        var properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        return properties;
    }

    private static Properties producerProperties(Properties client) {
        var properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return properties;
    }

    /** The run would break an invariant (ordering, existence): nothing was replayed. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
