package io.dinechat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.testing.EventContract;
import io.dinechat.testing.TopicProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo restaurant upgrades to premium with no Stripe account: a Checkout Session on the Stripe
 * simulator (created with the calls billing-service makes), the checkout page "pays", the
 * simulator's signed webhooks go through the gateway to billing-service (a process), which
 * retrieves the subscription from the simulator and publishes premium on billing.events.v1.
 */
class StripeUpgradeEndToEndTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalStack stack;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/e2e-logs"));
        stack = LocalStack.start(root, StackPorts.random(), EnumSet.of(Service.GATEWAY, Service.BILLING), logs,
                Duration.ofSeconds(180), line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            assertThat(stack.services().values()).noneMatch(ServiceProcess::alive);
        }
    }

    @Test
    void theDemoRestaurantPaysOnTheCheckoutPageAndBecomesPremium() throws Exception {
        // given: the demo restaurant's Stripe customer and a premium Checkout Session, as billing-service creates them
        String customer = stripe("/v1/customers", Map.of("metadata[tenant_id]", LocalStack.DEMO_TENANT_ID)).get("id").asString();
        Map<String, String> checkout = new LinkedHashMap<>();
        checkout.put("mode", "subscription");
        checkout.put("customer", customer);
        checkout.put("client_reference_id", LocalStack.DEMO_TENANT_ID);
        checkout.put("line_items[0][price]", LocalStack.STRIPE_PRICE_PREMIUM);
        checkout.put("line_items[0][quantity]", "1");
        checkout.put("success_url", stack.gatewayUrl() + "/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}");
        checkout.put("cancel_url", stack.gatewayUrl() + "/billing?checkout=canceled");
        JsonNode session = stripe("/v1/checkout/sessions", checkout);
        URI page = URI.create(session.get("url").asString());
        assertThat(session.get("object").asString()).isEqualTo("checkout.session");

        // when: the owner opens the checkout page and pays
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(page + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        // then: back to the dashboard, and premium is published for the demo restaurant
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("49.00");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(stack.gatewayUrl() + "/billing?checkout=success&session_id=cs_test_"));
        try (var probe = new TopicProbe(stack.kafkaBootstrapServers(), "billing.events.v1")) {
            var records = probe.pollUntil(StripeUpgradeEndToEndTests::premium, Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> premium = records.stream().filter(StripeUpgradeEndToEndTests::premium)
                    .findFirst().orElseThrow(() -> new AssertionError("no premium plan event; webhooks: "
                            + stack.stripe().deliveredEvents()));
            EventContract.assertValid("io.dinechat.billing.plan.changed", premium.value());
            JsonNode plan = JSON.readTree(premium.value());
            assertThat(plan.get("status").asString()).isEqualTo("active");
            assertThat(plan.get("currentPeriodEnd").isNull()).isFalse();
        }
        // every webhook passed the gateway and billing's signature check (2xx), none was refused
        io.dinechat.testing.Eventually.await("four webhooks answered", Duration.ofSeconds(20),
                () -> stack.stripe().deliveredEvents().size() == 4);
        assertThat(stack.stripe().deliveredEvents()).allMatch(line -> line.endsWith(" 200"));

        // and a forged webhook through the gateway is refused
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"invoice.paid\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    private static boolean premium(ConsumerRecord<String, byte[]> record) {
        if (!LocalStack.DEMO_TENANT_ID.equals(record.key())) {
            return false;
        }
        JsonNode body = JSON.readTree(record.value());
        return "premium".equals(body.path("plan").asString()) && body.path("premiumFeatures").asBoolean();
    }

    /** A form-encoded call to the simulator's Stripe API with the key billing-service got. */
    private static JsonNode stripe(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.stripe().baseUrl().resolve(path))
                .header("Authorization", "Bearer " + stack.stripe().apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
