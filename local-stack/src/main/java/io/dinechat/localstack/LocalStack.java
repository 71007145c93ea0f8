package io.dinechat.localstack;

import io.dinechat.embedded.KafkaBroker;
import io.dinechat.embedded.MongoStandIn;
import io.dinechat.embedded.PostgresServer;
import io.dinechat.localstack.stripe.StripeSimulator;
import io.dinechat.localstack.whatsapp.SimulatedNumber;
import io.dinechat.localstack.whatsapp.SimulatorConfig;
import io.dinechat.localstack.whatsapp.WhatsAppSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole platform on one machine with nothing but a JDK: a real Kafka broker (KRaft),
 * PostgreSQL and the Mongo stand-in inside this JVM, every service as its own process configured
 * only by environment variables, and a WhatsApp simulator standing in for Meta. Closing it stops
 * the services first, then the infrastructure, and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {

    /** The demo restaurant seeded by order-service and connected by conversation-service. */
    public static final String DEMO_TENANT_ID = "6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11";
    public static final String DEMO_PHONE_NUMBER_ID = "100000000000001";
    public static final String DEMO_DISPLAY_NUMBER = "+961 1 555 010";
    public static final String DEMO_NAME = "Trattoria Aurora";
    /** The demo restaurant's owner, who can sign in to the dashboard (the gateway seeds the account). */
    public static final String DEMO_OWNER_EMAIL = "owner@trattoria-aurora.example";
    public static final String DEMO_OWNER_PASSWORD = "trattoria-demo-2026";
    /** The prices the Stripe simulator sells, and billing-service's plans point at. */
    public static final String STRIPE_PRICE_STANDARD = "price_dinechat_standard_monthly";
    public static final String STRIPE_PRICE_PREMIUM = "price_dinechat_premium_monthly";

    /** Small heaps and quick startup: this is a laptop running eight JVMs, not production. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");

    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final StackPorts ports;
    private final String appSecret = randomSecret();
    private final String verifyToken = randomSecret();
    private final String demoAccessToken = "demo-" + randomSecret();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private String mongoUri;
    private WhatsAppSimulator whatsApp;
    private StripeSimulator stripe;
    /** Stripe's test-mode style secrets for the simulator, fresh per run. */
    private final String stripeApiKey = "sk_test_local_" + randomSecret();
    private final String stripeWebhookSecret = "whsec_local_" + randomSecret();

    /** The gateway's token-signing key, fresh per run (production keeps it in a Secret). */
    private final String gatewaySigningJwk = GatewaySigningKey.newPrivateJwk();
    /** Added to every service's environment; tests use it to tune limits or expose endpoints. */
    private Map<String, String> extraEnvironment = Map.of();

    private LocalStack(StackPorts ports) {
        this.ports = ports;
    }

    /**
     * Starts the infrastructure and the given services and waits until every one is ready.
     *
     * @param repoRoot where the modules' {@code target/*-exec.jar} are
     * @param progress receives one line per step, for people watching
     */
    public static LocalStack start(Path repoRoot, StackPorts ports, Set<Service> wanted, Path logDir,
            Duration readyTimeout, Consumer<String> progress) {
        return start(repoRoot, ports, wanted, logDir, readyTimeout, progress, Map.of());
    }

    /** As above, with variables added to every service's environment (e.g. a low rate limit for a test). */
    public static LocalStack start(Path repoRoot, StackPorts ports, Set<Service> wanted, Path logDir,
            Duration readyTimeout, Consumer<String> progress, Map<String, String> extraEnvironment) {
        LocalStack stack = new LocalStack(ports);
        stack.extraEnvironment = Map.copyOf(extraEnvironment);
        try {
            stack.startInfrastructure(progress);
            stack.startServices(repoRoot, wanted, logDir, progress);
            stack.awaitReady(readyTimeout, progress);
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    public static LocalStack startAll(Path repoRoot, StackPorts ports, Path logDir, Consumer<String> progress) {
        return start(repoRoot, ports, EnumSet.allOf(Service.class), logDir, Duration.ofSeconds(150), progress);
    }

    private void startInfrastructure(Consumer<String> progress) {
        long t0 = System.nanoTime();
        kafka = KafkaBroker.start(3);
        infrastructure.add(kafka);
        progress.accept("Kafka (KRaft) on " + kafka.bootstrapServers() + since(t0));
        t0 = System.nanoTime();
        postgres = PostgresServer.startEmbedded(ports.postgres());
        infrastructure.add(postgres);
        progress.accept("PostgreSQL on localhost:" + postgres.port() + since(t0));
        MongoStandIn mongo = MongoStandIn.start(ports.mongo());
        infrastructure.add(mongo);
        mongoUri = mongo.connectionString() + "/dinechat";
        progress.accept("MongoDB stand-in on " + mongo.connectionString());
        whatsApp = new WhatsAppSimulator(SimulatorConfig.builder()
                .port(ports.simulator())
                .appSecret(appSecret)
                .webhookUrl(URI.create("http://localhost:" + ports.of(Service.GATEWAY) + "/webhooks/whatsapp"))
                .number(new SimulatedNumber(DEMO_PHONE_NUMBER_ID, DEMO_DISPLAY_NUMBER, DEMO_NAME, demoAccessToken))
                .build()).start();
        infrastructure.add(whatsApp);
        progress.accept("WhatsApp simulator on " + whatsApp.baseUrl());
        stripe = new StripeSimulator(ports.stripeSimulator(), stripeApiKey, stripeWebhookSecret,
                URI.create("http://localhost:" + ports.of(Service.GATEWAY) + "/webhooks/stripe"),
                Map.of(STRIPE_PRICE_STANDARD, 2900L, STRIPE_PRICE_PREMIUM, 4900L)).start();
        infrastructure.add(stripe);
        progress.accept("Stripe simulator on " + stripe.baseUrl());
    }

    private void startServices(Path repoRoot, Set<Service> wanted, Path logDir, Consumer<String> progress)
            throws IOException {
        for (Service service : wanted) {
            Path jar = repoRoot.resolve(service.module()).resolve("target").resolve(service.module() + "-0.1.0-SNAPSHOT-exec.jar");
            services.put(service, ServiceProcess.start(service.module(), jar, ports.of(service), environment(service, wanted),
                    logDir, JVM_OPTIONS));
        }
        progress.accept("Started " + wanted.size() + " services; logs in " + logDir);
    }

    private Map<String, String> environment(Service service, Set<Service> wanted) {
        Map<String, String> env = new HashMap<>();
        env.put("DINECHAT_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DINECHAT_TOPICS_PARTITIONS", "3");
        env.put("DINECHAT_TOPICS_REPLICAS", "1");
        if (service.database() != null) {
            env.putAll(postgres.database(service.database()).environment());
        }
        // Every service verifies the gateway's tokens against the keys it publishes.
        env.put("DINECHAT_IDENTITY_JWKS_URI", gatewayUrl() + "/.well-known/jwks.json");
        switch (service) {
            case WEBHOOK_INGEST -> {
                env.put("DINECHAT_WHATSAPP_APP_SECRET", appSecret);
                env.put("DINECHAT_WHATSAPP_VERIFY_TOKEN", verifyToken);
            }
            case CONVERSATION -> {
                env.put("DINECHAT_WHATSAPP_GRAPH_API_URL", whatsApp.baseUrl().toString());
                env.put("DINECHAT_DEMO_ENABLED", "true");
                env.put("DINECHAT_DEMO_TENANT_ID", DEMO_TENANT_ID);
                env.put("DINECHAT_DEMO_PHONE_NUMBER_ID", DEMO_PHONE_NUMBER_ID);
                env.put("DINECHAT_DEMO_DISPLAY_PHONE_NUMBER", DEMO_DISPLAY_NUMBER);
                env.put("DINECHAT_DEMO_ACCESS_TOKEN", demoAccessToken);
            }
            case ORDER -> {
                env.put("DINECHAT_DEMO_ENABLED", "true");
                env.put("DINECHAT_DEMO_TENANT_ID", DEMO_TENANT_ID);
                env.put("DINECHAT_DEMO_PHONE_NUMBER_ID", DEMO_PHONE_NUMBER_ID);
            }
            case RESERVATION -> {
                // The demo restaurant's floor (tables, areas); its hours come from order-service's snapshot.
                env.put("DINECHAT_DEMO_ENABLED", "true");
                env.put("DINECHAT_DEMO_TENANT_ID", DEMO_TENANT_ID);
            }
            case ARCHIVE -> env.put("DINECHAT_MONGODB_URI", mongoUri);
            case BILLING -> {
                env.put("DINECHAT_STRIPE_API_BASE", stripe.baseUrl().toString());
                env.put("DINECHAT_STRIPE_API_KEY", stripeApiKey);
                env.put("DINECHAT_STRIPE_WEBHOOK_SECRET", stripeWebhookSecret);
                env.put("DINECHAT_STRIPE_PRICE_STANDARD", STRIPE_PRICE_STANDARD);
                env.put("DINECHAT_STRIPE_PRICE_PREMIUM", STRIPE_PRICE_PREMIUM);
                env.put("DINECHAT_DASHBOARD_URL", "http://localhost:" + ports.of(Service.GATEWAY));
            }
            case GATEWAY -> {
                wanted.stream().filter(s -> s != Service.GATEWAY)
                        .forEach(s -> env.put(s.urlVariable(), "http://localhost:" + ports.of(s)));
                env.put("DINECHAT_IDENTITY_SIGNING_JWK", gatewaySigningJwk);
                env.put("DINECHAT_PUBLIC_URL", gatewayUrl().toString());
                env.put("DINECHAT_DASHBOARD_ORIGIN", gatewayUrl().toString());
                // Locally, password-reset and invitation links are read from the gateway's log.
                env.put("DINECHAT_MAIL_LOG_LINKS", "true");
                env.put("DINECHAT_DEMO_ENABLED", "true");
                env.put("DINECHAT_DEMO_TENANT_ID", DEMO_TENANT_ID);
                env.put("DINECHAT_DEMO_OWNER_EMAIL", DEMO_OWNER_EMAIL);
                env.put("DINECHAT_DEMO_OWNER_PASSWORD", DEMO_OWNER_PASSWORD);
            }
            default -> {
            }
        }
        env.putAll(extraEnvironment);
        return env;
    }

    private void awaitReady(Duration timeout, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Set<Service> waiting = EnumSet.copyOf(services.keySet());
        while (!waiting.isEmpty()) {
            for (Service service : List.copyOf(waiting)) {
                if (services.get(service).ready()) {
                    waiting.remove(service);
                    progress.accept(service.module() + " ready on :" + ports.of(service) + since(start));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: " + waiting
                        + "; see the logs in " + services.get(waiting.iterator().next()).log().getParent());
            }
            pause(Duration.ofMillis(250));
        }
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + ports.of(Service.GATEWAY));
    }

    public URI serviceUrl(Service service) {
        return URI.create("http://localhost:" + ports.of(service));
    }

    public StripeSimulator stripe() {
        return stripe;
    }

    /** A service's database and roles, for tests that query it directly (as its runtime role, under RLS). */
    public PostgresServer.ServiceDatabase database(String service) {
        return postgres.database(service);
    }

    public WhatsAppSimulator whatsApp() {
        return whatsApp;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String verifyToken() {
        return verifyToken;
    }

    public Map<Service, ServiceProcess> services() {
        return Collections.unmodifiableMap(services);
    }

    /** Services first (they flush and commit), then the simulator and the infrastructure they used. */
    @Override
    public void close() {
        services.values().parallelStream().forEach(p -> p.stop(Duration.ofSeconds(15)));
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping " + infrastructure.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        infrastructure.clear();
    }

    private static String since(long startNanos) {
        return " (" + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms)";
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
