package io.dinechat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of a stand-in webhook-ingest: webhook bodies must arrive byte for byte (or
 * Meta's signature would no longer verify), and a service that is down yields a problem+json 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    static HttpServer ingest;
    static final AtomicReference<byte[]> receivedBody = new AtomicReference<>();
    static final AtomicReference<String> receivedSignature = new AtomicReference<>();
    static final AtomicReference<String> receivedPath = new AtomicReference<>();
    static int closedPort;

    @Autowired
    WebTestClient client;

    @BeforeAll
    static void startIngestStandIn() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/", exchange -> {
            receivedBody.set(exchange.getRequestBody().readAllBytes());
            receivedSignature.set(exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"));
            receivedPath.set(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ingest.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopIngestStandIn() {
        ingest.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("dinechat.gateway.services.webhook-ingest", () -> "http://127.0.0.1:" + ingest.getAddress().getPort());
        registry.add("dinechat.gateway.services.billing-service", () -> "http://127.0.0.1:" + closedPort);
    }

    @Test
    void aWhatsAppWebhookReachesIngestByteForByte() {
        // Odd spacing, escaped and raw non-ASCII text: any re-serialisation would change these bytes.
        byte[] body = "{\"object\":\"whatsapp_business_account\",  \"entry\":[{\"text\":\"caf\\u00e9 مرحبا ✓\"}]}\n"
                .getBytes(StandardCharsets.UTF_8);

        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", "sha256=abc123").bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        assertThat(receivedBody.get()).isEqualTo(body);
        assertThat(receivedSignature.get()).isEqualTo("sha256=abc123");
        assertThat(receivedPath.get()).isEqualTo("/webhooks/whatsapp");
    }

    @Test
    void theVerificationHandshakeKeepsItsQueryString() {
        client.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=t&hub.challenge=42")
                .exchange()
                .expectStatus().isOk();

        assertThat(receivedPath.get()).isEqualTo("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=t&hub.challenge=42");
    }

    @Test
    void aServiceThatIsDownGivesAProblemDetail() {
        client.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("billing-service");
    }

    @Test
    void unknownPathsAreNotFound() {
        client.get().uri("/nothing-here").exchange().expectStatus().isNotFound();
    }
}
