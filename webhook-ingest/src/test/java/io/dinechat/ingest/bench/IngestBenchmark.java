package io.dinechat.ingest.bench;

import io.dinechat.ingest.IngestApplication;
import io.dinechat.ingest.meta.WebhookSignature;
import io.dinechat.testing.SharedInfrastructure;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The ingest benchmark (not a test): signed single-message webhooks, each with a new wamid and
 * guest, sent by a closed-loop load generator over N keep-alive connections, first to a bare
 * WebFlux endpoint that only reads the body and answers 200 (the baseline), then to the real
 * webhook-ingest publishing to a real KRaft Kafka broker on loopback with {@code acks=all}. Prints
 * throughput, p50/p99/max latency and the ratio to the baseline, and checks every 200 became a
 * record on Kafka. Run it with {@code ./dinechat bench ingest}; tune with
 * {@code -Dbench.connections=32 -Dbench.warmup=PT15S -Dbench.duration=PT20S}.
 */
public final class IngestBenchmark {

    private static final String SECRET = "benchmark-app-secret";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String PATH = "/webhooks/whatsapp";
    private static final WebhookSignature META = new WebhookSignature(SECRET);

    private IngestBenchmark() {
    }

    public static void main(String[] args) {
        try {
            benchmark();
            System.exit(0); // the embedded broker's threads are not daemons
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void benchmark() {
        int connections = Integer.getInteger("bench.connections", 32);
        Duration warmup = Duration.parse(System.getProperty("bench.warmup", "PT15S"));
        Duration measure = Duration.parse(System.getProperty("bench.duration", "PT20S"));
        System.out.printf("Ingest benchmark %s: %d cores, %s, %d connections, %ss warm-up + %ss measured per target%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                connections, warmup.toSeconds(), measure.toSeconds());
        System.out.printf("load average before: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        String kafka = SharedInfrastructure.kafkaBootstrapServers();

        DisposableServer bare = bareWebFlux();
        Result baseline = load("bare WebFlux 200", bare.port(), connections, warmup, measure);
        bare.disposeNow();

        // Command-line arguments, so they win over application.yml's environment placeholders.
        // Extra service settings to compare, e.g. -Dbench.ingestArgs="--spring.kafka.template.observation-enabled=false"
        var ingestArgs = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--dinechat.whatsapp.app-secret=" + SECRET,
                "--dinechat.whatsapp.verify-token=benchmark",
                "--logging.level.root=WARN"));
        String extra = System.getProperty("bench.ingestArgs", "").trim();
        if (!extra.isEmpty()) {
            ingestArgs.addAll(java.util.List.of(extra.split("\\s+")));
            System.out.println("webhook-ingest started with " + extra);
        }
        ConfigurableApplicationContext ingest = new SpringApplicationBuilder(IngestApplication.class)
                .run(ingestArgs.toArray(String[]::new));
        int port = ingest.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        long before = recordsOn(kafka, "whatsapp.inbound.v1");
        Result real = load("webhook-ingest -> Kafka", port, connections, warmup, measure);
        long published = recordsOn(kafka, "whatsapp.inbound.v1") - before;
        ingest.close();

        System.out.println();
        System.out.printf("%-26s %12s %10s %10s %10s %8s%n", "target", "webhooks/s", "p50 ms", "p99 ms", "max ms", "non-200");
        for (Result r : new Result[] {baseline, real}) {
            System.out.printf("%-26s %12.0f %10.2f %10.2f %10.2f %8d%n", r.name, r.throughput(), r.percentile(50),
                    r.percentile(99), r.percentile(100), r.failures);
        }
        double ratio = real.throughput() / baseline.throughput();
        System.out.printf("throughput ratio ingest/baseline: %.2f%n", ratio);
        System.out.printf("records on whatsapp.inbound.v1 for the %d webhooks answered 200: %d%n", real.total - real.failures, published);
        System.out.printf("aims (>= 5000/s, p99 <= 25 ms, ratio >= 0.5): %s, %s, %s%n",
                real.throughput() >= 5000 ? "met" : "missed", real.percentile(99) <= 25 ? "met" : "missed",
                ratio >= 0.5 ? "met" : "missed");
        System.out.printf("load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** What the baseline does: WebFlux on Reactor Netty, read the body, answer 200. Nothing else. */
    private static DisposableServer bareWebFlux() {
        var route = RouterFunctions.route().POST(PATH,
                request -> request.bodyToMono(byte[].class).then(ServerResponse.ok().build())).build();
        var handler = WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(route)).build();
        return HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
    }

    private static Result load(String name, int port, int connections, Duration warmup, Duration measure) {
        var pool = ConnectionProvider.builder("bench-" + port).maxConnections(connections)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port).keepAlive(true);
        run(client, connections, warmup, null);
        Result result = new Result(name);
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        run(client, connections, measure, result);
        result.elapsedNanos = System.nanoTime() - started;
        result.cpuNanos = processCpuNanos() - cpuBefore;
        pool.disposeLater().block();
        System.out.printf("%s: %d webhooks in %.1f s, %d failed%s; this JVM used %.2f cores, %.0f µs CPU per webhook%n",
                name, result.total, result.elapsedNanos / 1e9, result.failures,
                result.lastError == null ? "" : " (last: " + result.lastError + ")",
                (double) result.cpuNanos / result.elapsedNanos, result.cpuNanos / 1e3 / Math.max(1, result.total));
        return result;
    }

    private static final AtomicLong sequence = new AtomicLong();

    private static void run(HttpClient client, int connections, Duration duration, Result result) {
        long deadline = System.nanoTime() + duration.toNanos();
        Flux.<Long>generate(sink -> sink.next(sequence.incrementAndGet()))
                .takeWhile(i -> System.nanoTime() < deadline)
                .flatMap(i -> send(client, i, result), connections)
                .blockLast();
    }

    private static Mono<Void> send(HttpClient client, long n, Result result) {
        return Mono.defer(() -> {
            byte[] body = webhook(n);
            String signature = META.headerFor(body); // signed per body, like Meta
            long start = System.nanoTime();
            // Headers set per request (not with client.headers(...), which derives a new client each time).
            return client.post().uri(PATH)
                    .send((request, out) -> {
                        request.header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                                .header("Content-Length", String.valueOf(body.length));
                        return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
                    })
                    .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                    .doOnNext(status -> {
                        if (result != null) {
                            result.record(System.nanoTime() - start, status == 200);
                        }
                    })
                    .onErrorResume(e -> {
                        if (result != null) {
                            result.record(System.nanoTime() - start, false);
                            result.lastError = e.toString();
                        }
                        return Mono.empty();
                    })
                    .then();
        });
    }

    /** A single text message as Meta sends it; a new guest each time so conversations spread over partitions. */
    private static byte[] webhook(long n) {
        String guest = String.valueOf(34_600_000_000L + n % 1_000_000);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Lucía Gómez\"},\"wa_id\":\"" + guest + "\"}],"
                + "\"messages\":[{\"from\":\"" + guest + "\",\"id\":\"wamid.BENCH" + n + "\",\"timestamp\":\""
                + (1_790_000_000L + n) + "\",\"type\":\"text\",\"text\":{\"body\":\"Hola, ¿tenéis mesa para 4 esta noche?\"}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** CPU used by this JVM (load generator, server, and the broker alike): shows what the run really got. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long recordsOn(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final class Result {
        final String name;
        long[] latencies = new long[1 << 20];
        int total;
        int failures;
        long elapsedNanos;
        long cpuNanos;
        volatile String lastError;

        Result(String name) {
            this.name = name;
        }

        synchronized void record(long nanos, boolean ok) {
            if (total == latencies.length) {
                latencies = Arrays.copyOf(latencies, total * 2);
            }
            latencies[total++] = nanos;
            if (!ok) {
                failures++;
            }
        }

        double throughput() {
            return (total - failures) / (elapsedNanos / 1e9);
        }

        synchronized double percentile(double p) {
            long[] sorted = Arrays.copyOf(latencies, total);
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
