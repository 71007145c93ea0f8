package io.dinechat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of stand-in services: webhook bodies must arrive byte for byte (or Meta's
 * signature would no longer verify), and a service that is down yields a problem+json 503.
 */
class GatewayRoutingTests extends GatewayContext {

    @Autowired
    WebTestClient client;

    @Test
    void aWhatsAppWebhookReachesIngestByteForByte() {
        // Odd spacing, escaped and raw non-ASCII text: any re-serialisation would change these bytes.
        byte[] body = "{\"object\":\"whatsapp_business_account\",  \"entry\":[{\"text\":\"caf\\u00e9 مرحبا ✓\"}]}\n"
                .getBytes(StandardCharsets.UTF_8);

        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", "sha256=abc123").header("Cookie", "tracking=1")
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        Received received = lastReceived("/webhooks/whatsapp");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("X-Hub-Signature-256")).isEqualTo("sha256=abc123");
        assertThat(received.path()).isEqualTo("/webhooks/whatsapp");
        assertThat(received.header("Cookie")).isNull();
    }

    @Test
    void theVerificationHandshakeKeepsItsQueryString() {
        client.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=t&hub.challenge=42")
                .exchange()
                .expectStatus().isOk();

        assertThat(lastReceived("/webhooks/whatsapp?").path())
                .isEqualTo("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=t&hub.challenge=42");
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
    void unknownPathsAreNotFoundAsProblemDetails() {
        // A browser asking for HTML still gets a problem for what is not a dashboard page.
        for (String path : new String[] {"/api/nothing-here", "/api", "/webhooks/nothing-here",
                "/actuator/nothing-here", "/assets/index-missing.js", "/favicon.ico", "/menu/photo.png"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404);
        }
        // A client that does not ask for HTML (a script, curl -H 'Accept: application/json') gets
        // the problem even for a page-like path.
        client.get().uri("/nothing-here").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
        client.get().uri("/nothing-here").accept(MediaType.ALL).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBrowserOpeningADashboardPageGetsTheApp() {
        // Deep links and reloads: the app's router shows the page (an unknown one lands on its home).
        for (String path : new String[] {"/", "/orders", "/menu", "/reset-password?token=abc", "/nothing-here"}) {
            String html = client.get().uri(path)
                    .accept(MediaType.TEXT_HTML, MediaType.parseMediaType("application/xhtml+xml"), MediaType.ALL)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(path).contains("<div id=\"root\"></div>").contains("/assets/index-");
        }
        int before = received.size();
        client.get().uri("/orders").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        assertThat(received).as("a page is not proxied to a service").hasSize(before);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyServiceSeesThem() {
        int before = received.size();
        byte[] big = new byte[65 * 1024];

        client.post().uri("/api/orders/anything").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(received).hasSize(before);
    }

    @Test
    void theRootServesTheDashboardWithSecurityHeaders() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().exists("Strict-Transport-Security")
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\"></div>"));
    }

    @Test
    void corsAdmitsOnlyTheDashboardOrigin() {
        client.options().uri("/api/identity/me")
                .header("Origin", "https://dashboard.dinechat.test")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://dashboard.dinechat.test")
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true");

        client.options().uri("/api/identity/me")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
