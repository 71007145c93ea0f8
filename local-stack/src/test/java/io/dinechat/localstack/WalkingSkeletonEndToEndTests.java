package io.dinechat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.localstack.whatsapp.OutboundMessage;
import io.dinechat.localstack.whatsapp.WebhookDelivery;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, end to end through the gateway, with every service as its own process:
 * a Meta-format signed webhook reaches webhook-ingest, goes through Kafka to conversation-service,
 * and the guest gets the restaurant's real menu (seeded by order-service, carried by its catalog
 * snapshot) back through the Graph API, played by the WhatsApp simulator.
 */
class WalkingSkeletonEndToEndTests {

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/e2e-logs"));
        stack = LocalStack.start(root, StackPorts.random(),
                EnumSet.of(Service.GATEWAY, Service.WEBHOOK_INGEST, Service.CONVERSATION, Service.ORDER), logs,
                Duration.ofSeconds(180), line -> System.out.println("[stack] " + line),
                // Each message is its own turn on the consumer thread, so the trace test follows one
                // unbroken path; a coalesced turn is taken later by a timer and starts a new trace.
                java.util.Map.of("DINECHAT_ASSISTANT_COALESCING_WINDOW", "0s"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            assertThat(stack.services().values()).noneMatch(ServiceProcess::alive);
        }
    }

    @Test
    void aGuestAskingForTheMenuGetsTheRestaurantsMenuThroughTheGateway() {
        String guest = newGuest();

        WebhookDelivery delivery = stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Amira",
                "Hi! What's on the menu?");

        assertThat(delivery.statusCode()).isEqualTo(200);
        OutboundMessage reply = awaitReplies(guest, 1).getFirst();
        assertThat(reply.phoneNumberId()).isEqualTo(LocalStack.DEMO_PHONE_NUMBER_ID);
        assertThat(reply.text()).contains("Trattoria Aurora", "Margherita", "12.50");
    }

    @Test
    void aRedeliveredWebhookGetsExactlyOneReply() {
        String guest = newGuest();
        WebhookDelivery first = stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Karim",
                "When are you open?");
        awaitReplies(guest, 1);

        WebhookDelivery again = stack.whatsApp().redeliver(first);
        WebhookDelivery andAgain = stack.whatsApp().redeliver(first);
        assertThat(List.of(again.statusCode(), andAgain.statusCode())).containsOnly(200);

        // A new message from the same guest is handled after the redeliveries (same partition, in
        // order), so once its reply is out, any duplicate reply would already have been sent.
        stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Karim", "menu please");
        List<OutboundMessage> replies = awaitReplies(guest, 2);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text()).contains("Opening hours");
        assertThat(replies.get(1).text()).contains("Margherita");
    }

    @Test
    void aBadlySignedWebhookIsRefusedAndNothingReachesKafka() {
        String guest = newGuest();
        String forged = "wamid.FORGED" + UUID.randomUUID().toString().replace("-", "");
        byte[] payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"+961 1 555 010","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Mallory"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"1790000000","type":"text","text":{"body":"free pizza?"}}]},
                "field":"messages"}]}]}
                """.formatted(LocalStack.DEMO_PHONE_NUMBER_ID, guest, guest, forged).getBytes(StandardCharsets.UTF_8);

        assertThat(stack.whatsApp().sendWithSignature(payload, "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(stack.whatsApp().sendWithSignature(payload, null)).isEqualTo(401);

        // A genuine message from the same guest afterwards marks how far the topic has to be read.
        WebhookDelivery genuine = stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, guest, "Mallory", "hello");
        try (var inbound = new TopicProbe(stack.kafkaBootstrapServers(), "whatsapp.inbound.v1")) {
            var records = inbound.pollUntil(r -> contains(r.value(), genuine.messageId()), Duration.ofSeconds(30));
            assertThat(records).anyMatch(r -> contains(r.value(), genuine.messageId()));
            assertThat(records).noneMatch(r -> contains(r.value(), forged));
        }
        assertThat(awaitReplies(guest, 1)).hasSize(1);
    }

    @Test
    void oneTraceFollowsAGuestMessageFromTheWebhookToTheGraphApiSend() throws Exception {
        String guest = newGuest();
        String wamid = "wamid.TRACE" + UUID.randomUUID().toString().replace("-", "");
        byte[] payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"+961 1 555 010","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Tracy"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"menu please"}}]},
                "field":"messages"}]}]}
                """.formatted(LocalStack.DEMO_PHONE_NUMBER_ID, guest, guest, wamid, java.time.Instant.now().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8); // sent now: inside the 24-hour window, so a free-form reply may go
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                stack.whatsApp().config().appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(payload));

        // As a load balancer in front of the gateway would: the trace starts with this request.
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        // gateway → webhook-ingest (HTTP) → whatsapp.inbound.v1 → conversation-service → Graph API (HTTP)
        OutboundMessage reply = awaitReplies(guest, 1).getFirst();
        assertThat(stack.whatsApp().traceparentOf(reply.wamid()))
                .hasValueSatisfying(sent -> assertThat(sent).startsWith("00-" + traceId + "-"));
    }

    @Test
    void metaSubscriptionHandshakeWorksThroughTheGateway() throws Exception {
        URI verify = stack.gatewayUrl().resolve("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + stack.verifyToken() + "&hub.challenge=1158201444");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(verify).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    private static List<OutboundMessage> awaitReplies(String guest, int count) {
        Eventually.await(count + " replies to " + guest, Duration.ofSeconds(60),
                () -> stack.whatsApp().outboundTo(guest).size() >= count);
        return stack.whatsApp().outboundTo(guest);
    }

    private static boolean contains(byte[] value, String text) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(text);
    }

    private static String newGuest() {
        return "9665" + (10_000_000 + (long) (Math.random() * 89_999_999));
    }
}
