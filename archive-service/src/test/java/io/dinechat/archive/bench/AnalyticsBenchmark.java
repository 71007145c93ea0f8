package io.dinechat.archive.bench;

import io.dinechat.archive.ArchiveApplication;
import io.dinechat.archive.application.Analytics;
import io.dinechat.archive.application.Analytics.Period;
import io.dinechat.archive.application.Rollups;
import io.dinechat.archive.domain.TenantPlan;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.archive.persistence.TenantPlans;
import io.dinechat.platform.security.Role;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The analytics benchmark (not a test). Generates synthetic archived orders across businesses
 * straight into {@code order_logs} (the shape archive-service stores), times the full roll-up
 * backfill and one business's nightly roll-up, then measures p50/p95 of every analytics endpoint
 * over HTTP through the real service (gateway-style token, plan check, roll-up read), and, as the
 * baseline in the same run, the same report computed from the raw order logs. MongoDB is
 * {@code DINECHAT_TEST_MONGO_URI} when set, else the mongo-java-server stand-in (memory backend)
 * in this JVM. Run it with {@code ./dinechat bench analytics}; tune with
 * {@code -Dbench.orders=1000000 -Dbench.tenants=50 -Dbench.requests=60 -Dbench.baselineRuns=8}.
 */
public final class AnalyticsBenchmark {

    private static final String[] LANGUAGES = {"arabic", "arabic", "arabizi", "arabizi", "english", "english", "english", "french"};
    private static final ZoneId[] ZONES = {ZoneId.of("Asia/Beirut"), ZoneId.of("Europe/Paris"), ZoneOffset.UTC,
            ZoneId.of("Asia/Dubai"), ZoneId.of("America/New_York")};
    /** Orders by local hour: lunch and dinner peaks. */
    private static final int[] HOUR_WEIGHTS = {1, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 5, 9, 10, 6, 3, 3, 4, 7, 10, 9, 6, 3, 2};

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("bench.orders", 1_000_000);
        int tenants = Integer.getInteger("bench.tenants", 50);
        int requests = Integer.getInteger("bench.requests", 60);
        int baselineRuns = Integer.getInteger("bench.baselineRuns", 8);
        String given = System.getenv("DINECHAT_TEST_MONGO_URI");
        String mongoKind = given != null && !given.isBlank() ? "real MongoDB (DINECHAT_TEST_MONGO_URI)"
                : "mongo-java-server 1.47.0 stand-in, memory backend, in this JVM";
        System.out.printf("Analytics benchmark %s: %d cores, %s, heap %d MB, %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, mongoKind);
        System.out.printf("%,d order logs across %d businesses (3 branches, 30 items, 3,000 guests each), the 365 days up to yesterday%n",
                orders, tenants);
        System.out.printf("load average before: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        String database = "dinechat_bench_" + Long.toHexString(System.nanoTime());
        String mongoUri = SharedInfrastructure.mongoUri();
        mongoUri = mongoUri.substring(0, mongoUri.lastIndexOf('/')) + "/" + database;
        // Command-line arguments, which win over application.yml (builder defaults would not).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArchiveApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
                "--dinechat.identity.jwk-set=" + TestIdentity.publicJwkSet(),
                "--dinechat.archive.rollup.enabled=false",
                "--dinechat.archive.retention.enabled=false",
                // Days of orders per backfill pass (the service's default, 31, bounds memory; 366 = one pass).
                "--dinechat.archive.rollup.chunk-days=" + Integer.getInteger("bench.chunkDays", 31),
                "--logging.level.root=WARN");
        int exit = 0;
        try {
            run(app, orders, tenants, requests, baselineRuns);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.getBean(ReactiveMongoTemplate.class).getMongoDatabase()
                    .flatMap(db -> Mono.from(db.drop())).block(Duration.ofMinutes(5));
            app.close();
        }
        // The embedded broker and stand-in run non-daemon threads: leave no process behind.
        System.exit(exit);
    }

    private static void run(ConfigurableApplicationContext app, int orders, int tenantCount, int requests,
            int baselineRuns) throws Exception {
        var mongo = app.getBean(ReactiveMongoTemplate.class);
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate firstDay = lastDay.minusDays(364);
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < tenantCount; t++) {
            String tenant = UUID.nameUUIDFromBytes(("bench-tenant-" + t).getBytes()).toString();
            tenants.add(tenant);
            app.getBean(BusinessProfiles.class).apply(tenant, 1, ZONES[t % ZONES.length].getId(), "USD").block();
            app.getBean(TenantPlans.class).apply(new TenantPlan(tenant, "premium", "active", true, null, 1)).block();
        }

        // 1. Generate and load.
        long t0 = System.nanoTime();
        int batch = 5_000;
        Flux.range(0, (orders + batch - 1) / batch)
                .map(b -> generate(b, Math.min(batch, orders - b * batch), tenants, firstDay))
                .concatMap(docs -> mongo.getCollection("order_logs").flatMap(c -> Mono.from(c.insertMany(docs))), 2)
                .then().block(Duration.ofHours(2));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %,d order logs in %.1f s (%,.0f/s)%n", orders, loadSeconds, orders / loadSeconds);

        // 2. Roll-ups: the full backfill of every business, then one business's nightly run (3 days re-rolled).
        Rollups rollups = app.getBean(Rollups.class);
        t0 = System.nanoTime();
        long dayDocuments = rollups.backfill(null, firstDay, lastDay).block(Duration.ofHours(2));
        double backfillSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("backfill of all %d businesses, 365 days, %d days per pass: %,d day documents in %.1f s%n",
                tenantCount, Integer.getInteger("bench.chunkDays", 31), dayDocuments, backfillSeconds);
        List<Long> nightly = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String tenant = tenants.get(i);
            ZoneId zone = ZONES[i % ZONES.length];
            long s = System.nanoTime();
            rollups.rollTenant(tenant, zone, lastDay.minusDays(2), lastDay).block(Duration.ofMinutes(10));
            nightly.add(System.nanoTime() - s);
        }
        System.out.printf("nightly roll-up of one business (3 days): p50 %s (5 businesses)%n", ms(percentile(nightly, 50)));

        // 3. Endpoints over HTTP, through the roll-ups.
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String year = "from=" + firstDay + "&to=" + lastDay;
        String month = "from=" + lastDay.minusDays(29) + "&to=" + lastDay;
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("summary (30 days)", "/api/analytics/summary?" + month);
        endpoints.put("summary", "/api/analytics/summary?" + year);
        endpoints.put("spenders", "/api/analytics/spenders?" + year);
        endpoints.put("sales by hour", "/api/analytics/sales?by=hour&" + year);
        endpoints.put("sales by day", "/api/analytics/sales?by=day&" + year);
        endpoints.put("sales by week", "/api/analytics/sales?by=week&" + year);
        endpoints.put("items", "/api/analytics/items?" + year);
        endpoints.put("customers/repeat", "/api/analytics/customers/repeat?" + year);
        endpoints.put("order-value", "/api/analytics/order-value?" + year);
        endpoints.put("completion-time", "/api/analytics/completion-time?" + year);
        endpoints.put("branches", "/api/analytics/branches?" + year);
        endpoints.put("languages", "/api/analytics/languages?" + year);
        endpoints.put("summary, one branch", "/api/analytics/summary?branchId=%s&" + year);
        Random pick = new Random(7);
        System.out.printf("%nHTTP, through the roll-ups, %d requests per endpoint after 5 warm-up rounds over all, one at a time, a random business each:%n", requests);
        System.out.printf("%-22s %10s %10s %10s%n", "endpoint", "p50", "p95", "max");
        Map<String, List<Long>> timings = new LinkedHashMap<>();
        // Warm the whole path (JIT, connections, caches) on every endpoint before measuring any.
        for (int round = 0; round < 5; round++) {
            for (String path : endpoints.values()) {
                String tenant = tenants.get(pick.nextInt(tenants.size()));
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + (path.contains("%s") ? path.formatted(branch(tenant, 0)) : path)))
                        .header("Authorization", TestIdentity.bearer(UUID.fromString(tenant), UUID.randomUUID(), Role.OWNER))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        for (var endpoint : endpoints.entrySet()) {
            List<Long> times = new ArrayList<>();
            for (int i = -5; i < requests; i++) {
                int t = pick.nextInt(tenants.size());
                String tenant = tenants.get(t);
                String path = endpoint.getValue().contains("%s") ? endpoint.getValue().formatted(branch(tenant, 0))
                        : endpoint.getValue();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", TestIdentity.bearer(UUID.fromString(tenant), UUID.randomUUID(), Role.OWNER))
                        .GET().build();
                long s = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
                if (i >= 0) {
                    times.add(took);
                }
            }
            timings.put(endpoint.getKey(), times);
            System.out.printf("%-22s %10s %10s %10s%n", endpoint.getKey(), ms(percentile(times, 50)),
                    ms(percentile(times, 95)), ms(percentile(times, 100)));
        }

        // 4. Baseline: the same report folded from raw order_logs, against the report from the roll-ups, in-process.
        Analytics analytics = app.getBean(Analytics.class);
        System.out.printf("%nIn-process report (what every endpoint computes), %d runs each:%n", baselineRuns);
        System.out.printf("%-34s %10s %10s%n", "source", "p50", "p95");
        for (var range : List.of(new Object[] {"30 days", lastDay.minusDays(29)}, new Object[] {"365 days", firstDay})) {
            List<Long> rolled = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            for (int i = 0; i < baselineRuns; i++) {
                int t = pick.nextInt(tenants.size());
                Period period = new Period((LocalDate) range[1], lastDay, ZONES[t % ZONES.length]);
                String tenant = tenants.get(t);
                rolled.add(time(() -> analytics.report(tenant, null, period).block()));
                raw.add(time(() -> analytics.reportFromOrders(tenant, null, period).block()));
                if (i == 0) {
                    var a = analytics.report(tenant, null, period).block().totals();
                    var b = analytics.reportFromOrders(tenant, null, period).block().totals();
                    if (!a.equals(b)) {
                        throw new IllegalStateException("roll-up and raw disagree: " + a + " vs " + b);
                    }
                }
            }
            System.out.printf("%-34s %10s %10s%n", "roll-ups, " + range[0], ms(percentile(rolled, 50)), ms(percentile(rolled, 95)));
            System.out.printf("%-34s %10s %10s%n", "raw order_logs (baseline), " + range[0], ms(percentile(raw, 50)),
                    ms(percentile(raw, 95)));
            System.out.printf("%-34s %9.1fx%n", "baseline / roll-ups (p50)", (double) percentile(raw, 50) / percentile(rolled, 50));
        }
        long worstP95 = timings.values().stream().mapToLong(t -> percentile(t, 95)).max().orElse(0);
        System.out.printf("%nworst endpoint p95 over HTTP: %s (target 300 ms)%n", ms(worstP95));
        System.out.printf("load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One batch of orders, deterministic per batch number, in the stored shape (Decimal128 money, dates). */
    private static List<Document> generate(int batchNumber, int size, List<String> tenants, LocalDate firstDay) {
        Random random = new Random(42L + batchNumber);
        int hourTotal = Arrays.stream(HOUR_WEIGHTS).sum();
        List<Document> docs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int t = random.nextInt(tenants.size());
            String tenant = tenants.get(t);
            ZoneId zone = ZONES[t % ZONES.length];
            int pickHour = random.nextInt(hourTotal);
            int hour = 0;
            while (pickHour >= HOUR_WEIGHTS[hour]) {
                pickHour -= HOUR_WEIGHTS[hour++];
            }
            Instant placed = firstDay.plusDays(random.nextInt(365)).atTime(hour, random.nextInt(60))
                    .atZone(zone).toInstant();
            List<Document> lines = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO;
            for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                int item = random.nextInt(30);
                int quantity = 1 + random.nextInt(3);
                BigDecimal price = BigDecimal.valueOf(300 + item * 75L, 2);
                BigDecimal lineTotal = price.multiply(BigDecimal.valueOf(quantity));
                subtotal = subtotal.add(lineTotal);
                lines.add(new Document("itemId", "item-" + item).append("name", "Dish " + item)
                        .append("quantity", quantity).append("unitPrice", new Decimal128(price))
                        .append("lineTotal", new Decimal128(lineTotal)));
            }
            BigDecimal fee = random.nextInt(3) == 0 ? new BigDecimal("2.00") : BigDecimal.ZERO;
            boolean completed = random.nextInt(20) != 0;
            int guest = random.nextInt(3_000);
            docs.add(new Document("tenantId", tenant)
                    .append("orderId", UUID.randomUUID().toString())
                    .append("branchId", branch(tenant, random.nextInt(3)))
                    .append("customer", new Document("name", "Guest " + guest).append("phone", "9617" + (1_000_000 + t * 10_000 + guest)))
                    .append("language", LANGUAGES[random.nextInt(LANGUAGES.length)])
                    .append("fulfilment", "delivery")
                    .append("lines", lines)
                    .append("subtotal", new Decimal128(subtotal))
                    .append("deliveryFee", new Decimal128(fee))
                    .append("total", new Decimal128(subtotal.add(fee)))
                    .append("currency", "USD")
                    .append("status", completed ? "completed" : "cancelled")
                    .append("placedAt", Date.from(placed))
                    .append("completedAt", completed ? Date.from(placed.plusSeconds(600 + random.nextInt(3_000))) : null)
                    .append("archivedAt", Date.from(placed.plus(Duration.ofDays(1)))));
        }
        return docs;
    }

    private static String branch(String tenant, int n) {
        return UUID.nameUUIDFromBytes((tenant + "-branch-" + n).getBytes()).toString();
    }

    private static long time(Supplier<?> work) {
        long s = System.nanoTime();
        work.get();
        return System.nanoTime() - s;
    }

    private static long percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
