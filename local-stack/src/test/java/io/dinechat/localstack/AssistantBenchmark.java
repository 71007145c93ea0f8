package io.dinechat.localstack;

import io.dinechat.localstack.whatsapp.OutboundMessage;
import io.dinechat.localstack.whatsapp.WebhookDelivery;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The assistant's latency benchmark (not a test): the local stack's gateway, webhook-ingest,
 * conversation-service (offline engine, coalescing window 0) and order-service (the demo catalog) as
 * processes; the WhatsApp simulator posts signed webhooks at a steady rate, round-robin across 500
 * guests (menu, hours, greeting and price questions, each one turn answered from the catalog), and
 * the time from posting the webhook to the Graph API stand-in receiving the reply is measured. The
 * baseline measured in the same run is the edge alone: webhook posted → record on
 * {@code whatsapp.inbound.v1}. Run with {@code ./dinechat bench assistant}; tune with
 * {@code -Dbench.rate=10 -Dbench.conversations=500 -Dbench.warmup=PT20S -Dbench.duration=PT60S}.
 */
public final class AssistantBenchmark {

    private static final List<String> QUESTIONS = List.of("What's on the menu?", "When are you open?", "hello",
            "how much is the diavola?", "c'est combien le tiramisu ?", "shu el dawem?", "ممكن المنيو؟");

    private AssistantBenchmark() {
    }

    public static void main(String[] args) {
        try {
            benchmark();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    record Sent(String guest, String wamid, Instant at, boolean measured) {
    }

    private static void benchmark() throws Exception {
        int rate = Integer.getInteger("bench.rate", 10);
        int conversations = Integer.getInteger("bench.conversations", 500);
        Duration warmup = Duration.parse(System.getProperty("bench.warmup", "PT20S"));
        Duration measure = Duration.parse(System.getProperty("bench.duration", "PT60S"));
        Path root = Path.of(System.getProperty("dinechat.repo.root", ".")).toAbsolutePath().normalize();
        System.out.printf("Assistant benchmark %s: %d cores, %s; %d messages/s across %d conversations, %ss warm-up + %ss measured%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), rate,
                conversations, warmup.toSeconds(), measure.toSeconds());
        System.out.printf("load average before: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path logs = Files.createDirectories(root.resolve("local-stack/target/bench-logs"));
        try (LocalStack stack = LocalStack.start(root, StackPorts.random(),
                EnumSet.of(Service.GATEWAY, Service.WEBHOOK_INGEST, Service.CONVERSATION, Service.ORDER), logs,
                Duration.ofSeconds(300), line -> System.out.println("[stack] " + line),
                Map.of("DINECHAT_ASSISTANT_COALESCING_WINDOW", "0s"))) {
            awaitCatalog(stack);
            List<String> guests = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                guests.add("9617" + (20_000_000 + i));
            }
            Map<String, Instant> onKafka = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread edge = edgeReader(stack.kafkaBootstrapServers(), onKafka, reading);
            List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(16);
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long total = (warmup.toNanos() + measure.toNanos()) / interval;
            for (long n = 0; n < total; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String guest = guests.get((int) (n % conversations));
                String text = QUESTIONS.get((int) ((n / conversations + n) % QUESTIONS.size()));
                boolean measured = n * interval >= warmup.toNanos();
                senders.submit(() -> {
                    Instant at = Instant.now();
                    WebhookDelivery d = stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Guest", text);
                    if (d.statusCode() == 200) {
                        sent.add(new Sent(guest, d.messageId(), at, measured));
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
            Thread.sleep(10_000); // the last replies
            reading.set(false);
            edge.join(5000);
            report(stack, sent, onKafka, rate, conversations);
        }
    }

    /** The catalog snapshot reaches conversation-service shortly after order-service starts. */
    private static void awaitCatalog(LocalStack stack) throws InterruptedException {
        String guest = "96179999999";
        for (int attempt = 0; attempt < 60; attempt++) {
            int before = stack.whatsApp().outboundTo(guest).size();
            stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Warm-up", "menu please");
            for (int i = 0; i < 50 && stack.whatsApp().outboundTo(guest).size() == before; i++) {
                Thread.sleep(100);
            }
            List<OutboundMessage> replies = stack.whatsApp().outboundTo(guest);
            if (replies.size() > before && replies.getLast().text().contains("Margherita")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the demo catalog never reached conversation-service");
    }

    private static Thread edgeReader(String kafka, Map<String, Instant> onKafka, AtomicBoolean reading) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "assistant-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("whatsapp.inbound.v1"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return Thread.ofPlatform().daemon().start(() -> {
            try (consumer) {
                while (reading.get()) {
                    for (var r : consumer.poll(Duration.ofMillis(20))) {
                        Instant now = Instant.now();
                        String value = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
                        int i = value.indexOf("\"messageId\":\"");
                        if (i >= 0) {
                            onKafka.put(value.substring(i + 13, value.indexOf('"', i + 13)), now);
                        }
                    }
                }
            }
        });
    }

    private static void report(LocalStack stack, List<Sent> sent, Map<String, Instant> onKafka, int rate,
            int conversations) {
        Map<String, List<Sent>> byGuest = new ConcurrentHashMap<>();
        List<Sent> ordered = new ArrayList<>(sent);
        ordered.sort((a, b) -> a.at().compareTo(b.at()));
        ordered.forEach(s -> byGuest.computeIfAbsent(s.guest(), g -> new ArrayList<>()).add(s));
        List<Long> endToEnd = new ArrayList<>();
        List<Long> edge = new ArrayList<>();
        int unanswered = 0;
        for (var entry : byGuest.entrySet()) {
            List<OutboundMessage> replies = stack.whatsApp().outboundTo(entry.getKey()).stream()
                    .filter(m -> !m.json().contains("\"status\":\"read\"")).toList();
            List<Sent> mine = entry.getValue();
            for (int k = 0; k < mine.size(); k++) {
                Sent s = mine.get(k);
                if (!s.measured()) {
                    continue;
                }
                Instant kafka = onKafka.get(s.wamid());
                if (kafka != null) {
                    edge.add(Duration.between(s.at(), kafka).toNanos() / 1000);
                }
                if (k < replies.size()) {
                    endToEnd.add(Duration.between(s.at(), replies.get(k).at()).toNanos() / 1000);
                } else {
                    unanswered++;
                }
            }
        }
        Collections.sort(endToEnd);
        Collections.sort(edge);
        System.out.printf("load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("steady load: %d messages/s round-robin across %d conversations (each conversation every %.0f s), "
                + "offline engine, coalescing window 0, services as processes%n", rate, conversations,
                (double) conversations / rate);
        System.out.printf("%-52s %7s %9s %9s %9s%n", "measured", "n", "p50 ms", "p99 ms", "max ms");
        line("webhook posted → record on whatsapp.inbound.v1 (baseline)", edge);
        line("webhook posted → reply at the Graph API (assistant)", endToEnd);
        if (!edge.isEmpty() && !endToEnd.isEmpty()) {
            System.out.printf("ratio to the baseline: p50 %.1f×, p99 %.1f×%n", (double) pct(endToEnd, 50) / pct(edge, 50),
                    (double) pct(endToEnd, 99) / pct(edge, 99));
        }
        System.out.printf("unanswered measured messages: %d%n", unanswered);
    }

    private static void line(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.printf("%-52s %7d%n", what, 0);
            return;
        }
        System.out.printf("%-52s %7d %9.1f %9.1f %9.1f%n", what, micros.size(), pct(micros, 50) / 1000.0,
                pct(micros, 99) / 1000.0, micros.getLast() / 1000.0);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
