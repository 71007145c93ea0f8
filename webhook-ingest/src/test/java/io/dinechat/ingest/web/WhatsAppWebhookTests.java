package io.dinechat.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.ingest.meta.WebhookSignature;
import io.dinechat.ingest.messaging.Topics;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The service as Meta sees it, against the real (embedded KRaft) Kafka. The body limit is lowered
 * to 1 KB for the whole class so the 413 case needs no second application context; every other
 * payload here stays well below it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "dinechat.whatsapp.max-body-size=1KB")
@AutoConfigureWebTestClient
class WhatsAppWebhookTests {

    private static final String APP_SECRET = "component-test-app-secret-5b1f0c";
    private static final String VERIFY_TOKEN = "component-test-verify-token-9e2a";
    private static final String PATH = "/webhooks/whatsapp";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String GUEST = "34600111222";
    private static final Duration ARRIVAL = Duration.ofSeconds(15);

    private final WebhookSignature meta = new WebhookSignature(APP_SECRET);

    @Autowired
    private WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafka(registry);
        registry.add("dinechat.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("dinechat.whatsapp.verify-token", () -> VERIFY_TOKEN);
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeForTheRightToken() {
        // given
        String challenge = "1158201444";

        // when / then
        http.get().uri(u -> u.path(PATH).queryParam("hub.mode", "subscribe")
                        .queryParam("hub.verify_token", VERIFY_TOKEN).queryParam("hub.challenge", challenge).build())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo(challenge);
    }

    @Test
    void theSubscriptionHandshakeIsRefusedForAWrongTokenOrMode() {
        // given
        String challenge = "1158201444";

        // when / then
        http.get().uri(u -> u.path(PATH).queryParam("hub.mode", "subscribe")
                        .queryParam("hub.verify_token", "not-the-token").queryParam("hub.challenge", challenge).build())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(challenge));
        http.get().uri(u -> u.path(PATH).queryParam("hub.mode", "unsubscribe")
                        .queryParam("hub.verify_token", VERIFY_TOKEN).queryParam("hub.challenge", challenge).build())
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri(PATH).exchange().expectStatus().isForbidden();
    }

    @Test
    void aSignedMessageIsOnTheInboundTopicKeyedByConversationBeforeMetaGets200() {
        // given
        String wamid = uniqueWamid();
        byte[] body = textMessageWebhook(wamid, "Hola, ¿tenéis mesa para 4 esta noche?");

        try (var inbound = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.INBOUND)) {
            // when
            post(body, meta.headerFor(body)).expectStatus().isOk();

            // then
            ConsumerRecord<String, byte[]> record = arrived(inbound, wamid);
            assertThat(record.key()).isEqualTo(PHONE_NUMBER_ID + ":" + GUEST);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.whatsapp.message.received");
            assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/webhook-ingest");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(Instant.parse(TopicProbe.header(record, CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));
            assertThat(utf8(record.value())).contains("\"text\":\"Hola, ¿tenéis mesa para 4 esta noche?\"");
            assertMatchesSchemaWhenPublished(record);
        }
    }

    @Test
    void aSignedStatusIsOnTheStatusTopic() {
        // given
        String wamid = uniqueWamid();
        byte[] body = statusWebhook(wamid, "delivered");

        try (var status = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.STATUS)) {
            // when
            post(body, meta.headerFor(body)).expectStatus().isOk();

            // then
            ConsumerRecord<String, byte[]> record = arrived(status, wamid);
            assertThat(record.key()).isEqualTo(PHONE_NUMBER_ID + ":" + GUEST);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.whatsapp.status.updated");
            assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(utf8(record.value())).contains("\"status\":\"delivered\"");
            assertMatchesSchemaWhenPublished(record);
        }
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsPublished() {
        // given
        String forged = uniqueWamid();
        byte[] body = textMessageWebhook(forged, "Forged order: 40 paellas");
        String signedWithAnotherSecret = new WebhookSignature("not-our-app-secret").headerFor(body);

        try (var inbound = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.INBOUND)) {
            // when
            post(body, signedWithAnotherSecret)
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);

            // then
            assertNeverPublished(inbound, forged);
        }
    }

    @Test
    void aMissingSignatureIsRefusedWith401AndNothingIsPublished() {
        // given
        String unsigned = uniqueWamid();
        byte[] body = textMessageWebhook(unsigned, "Unsigned");

        try (var inbound = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.INBOUND)) {
            // when
            post(body, null)
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

            // then
            assertNeverPublished(inbound, unsigned);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        // given: correctly signed, so size is the only reason to refuse it
        byte[] body = textMessageWebhook(uniqueWamid(), "x".repeat(1200));
        assertThat(body.length).isGreaterThan(1024);

        // when / then
        post(body, meta.headerFor(body))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413Too() {
        // given: no Content-Length, so the limit must hold while the body is read
        byte[] body = textMessageWebhook(uniqueWamid(), "x".repeat(1200));
        int half = body.length / 2;
        Flux<DataBuffer> chunks = Flux.just(Arrays.copyOfRange(body, 0, half), Arrays.copyOfRange(body, half, body.length))
                .map(DefaultDataBufferFactory.sharedInstance::wrap);

        // when / then
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .header(WhatsAppWebhookController.SIGNATURE_HEADER, meta.headerFor(body))
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsQuarantinedWholeAndAnswered200() {
        // given
        String marker = UUID.randomUUID().toString();
        byte[] body = ("<html>Meta sent something odd " + marker + "</html>").getBytes(StandardCharsets.UTF_8);

        try (var quarantine = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.INBOUND_QUARANTINE)) {
            // when
            post(body, meta.headerFor(body)).expectStatus().isOk();

            // then
            ConsumerRecord<String, byte[]> record = arrived(quarantine, marker);
            assertThat(record.value()).isEqualTo(body);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.whatsapp.webhook.quarantined");
            assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
        }
    }

    private WebTestClient.ResponseSpec post(byte[] body, String signature) {
        var request = http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header(WhatsAppWebhookController.SIGNATURE_HEADER, signature);
        }
        return request.bodyValue(body).exchange();
    }

    /**
     * Polls ~2 s for the refused message; then, since absence after a poll proves little if the probe
     * was not reading yet, publishes a signed message for the same conversation (same partition) and
     * waits for it: once it has been read, anything published before it would have been read too.
     */
    private void assertNeverPublished(TopicProbe probe, String refusedWamid) {
        assertThat(probe.pollFor(Duration.ofSeconds(2))).noneMatch(containing(refusedWamid));
        String sentinel = uniqueWamid();
        byte[] body = textMessageWebhook(sentinel, "sentinel");
        post(body, meta.headerFor(body)).expectStatus().isOk();
        List<ConsumerRecord<String, byte[]>> seen = probe.pollUntil(containing(sentinel), ARRIVAL);
        assertThat(seen).as("the sentinel published after the refused webhook").anyMatch(containing(sentinel));
        assertThat(seen).noneMatch(containing(refusedWamid));
    }

    private static ConsumerRecord<String, byte[]> arrived(TopicProbe probe, String marker) {
        return probe.pollUntil(containing(marker), ARRIVAL).stream().filter(containing(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing containing " + marker + " arrived within " + ARRIVAL));
    }

    private static void assertMatchesSchemaWhenPublished(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, CloudEventHeaders.TYPE);
        if (EventContract.hasSchema(type)) {
            EventContract.assertValid(type, record.value());
        }
    }

    private static Predicate<ConsumerRecord<String, byte[]>> containing(String marker) {
        return r -> r.value() != null && utf8(r.value()).contains(marker);
    }

    private static String uniqueWamid() {
        return "wamid.component-" + UUID.randomUUID();
    }

    private static byte[] textMessageWebhook(String wamid, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Lucía Gómez"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"1718900000","type":"text","text":{"body":"%s"}}]}}]}]}
                """.formatted(PHONE_NUMBER_ID, GUEST, GUEST, wamid, text).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] statusWebhook(String wamid, String status) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"%s"},"statuses":[{"id":"%s","status":"%s","timestamp":"1718900050",
                "recipient_id":"%s","conversation":{"id":"c0f6e3b1a2d4","origin":{"type":"service"}},
                "pricing":{"billable":true,"pricing_model":"PMP","category":"service"}}]}}]}]}
                """.formatted(PHONE_NUMBER_ID, wamid, status, GUEST).getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
