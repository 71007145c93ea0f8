package io.dinechat.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.ingest.meta.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Kafka is down: Meta must get a 503 quickly (so it retries later), never a hang or a 200. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient
// Closed afterwards, so its producer stops retrying the dead address while other classes run.
@DirtiesContext
class KafkaUnavailableTests {

    private static final String APP_SECRET = "unavailable-test-app-secret-77c1";
    private static final Duration BOUND = Duration.ofSeconds(4);

    @Autowired
    private WebTestClient http;

    @DynamicPropertySource
    static void kafkaIsDown(DynamicPropertyRegistry registry) {
        String closed = "127.0.0.1:" + closedPort();
        registry.add("spring.kafka.bootstrap-servers", () -> closed);
        // Creating topics against a dead broker only delays startup by the admin's operation timeout.
        registry.add("spring.kafka.admin.auto-create", () -> "false");
        registry.add("dinechat.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("dinechat.whatsapp.verify-token", () -> "unavailable-test-verify-token");
    }

    @Test
    void aSignedWebhookIsAnswered503QuicklyWhenKafkaCannotAcknowledge() {
        // given: a warmed-up server, so only the Kafka wait is measured, and a client that would wait long
        WebTestClient patient = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        patient.get().uri("/webhooks/whatsapp").exchange().expectStatus().isForbidden();
        byte[] body = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Lucía Gómez"},"wa_id":"34600111222"}],
                "messages":[{"from":"34600111222","id":"wamid.unavailable-1","timestamp":"1718900000","type":"text",
                "text":{"body":"¿Abrís mañana?"}}]}}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        // when
        long started = System.nanoTime();
        var response = patient.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header(WhatsAppWebhookController.SIGNATURE_HEADER, new WebhookSignature(APP_SECRET).headerFor(body))
                .bodyValue(body)
                .exchange();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // then
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        assertThat(elapsed).isLessThan(BOUND);
    }

    /** A port nothing listens on: bound to find a free one, then closed. */
    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
