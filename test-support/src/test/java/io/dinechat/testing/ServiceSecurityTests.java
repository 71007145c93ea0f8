package io.dinechat.testing;

import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The shared service-side identity: a service's {@code /api/**} accepts only a token the gateway
 * signed, takes the business from it, and turns a wrong role into a 403 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ServiceSecurityTests.ApiUnderTest.class,
        properties = {"spring.kafka.bootstrap-servers=localhost:1", "spring.autoconfigure.exclude="
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@AutoConfigureWebTestClient
class ServiceSecurityTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        TestIdentity.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void theBusinessComesFromTheGatewayToken() {
        web.get().uri("/api/whoami").header(HttpHeaders.AUTHORIZATION, TestIdentity.bearer(TENANT, USER, Role.STAFF))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tenantId").isEqualTo(TENANT.toString())
                .jsonPath("$.userId").isEqualTo(USER.toString())
                .jsonPath("$.role").isEqualTo("STAFF")
                .jsonPath("$.clientAddress").isEqualTo("203.0.113.7");
    }

    @Test
    void noTokenForgedTokenOrExpiredTokenAreUnauthorizedProblems() {
        for (String authorization : new String[] {null, TestIdentity.forgedBearer(TENANT, USER, Role.OWNER),
                TestIdentity.expiredBearer(TENANT, USER, Role.OWNER), "Bearer not-a-jwt"}) {
            var request = web.get().uri("/api/whoami");
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
    }

    @Test
    void staffAreRefusedAnOwnerActionWithAProblem() {
        web.post().uri("/api/owner-only").header(HttpHeaders.AUTHORIZATION, TestIdentity.bearer(TENANT, USER, Role.STAFF))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Your role (staff) may not do this.");
        web.post().uri("/api/owner-only").header(HttpHeaders.AUTHORIZATION, TestIdentity.bearer(TENANT, USER, Role.OWNER))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void pathsOutsideTheApiStayOpen() {
        web.get().uri("/webhooks/ping").exchange().expectStatus().isOk();
    }

    @SpringBootApplication
    @RestController
    static class ApiUnderTest {

        @GetMapping("/api/whoami")
        Mono<Actor> whoami() {
            return Actors.current();
        }

        @PostMapping("/api/owner-only")
        Mono<String> ownerOnly() {
            return Actors.require(Role.OWNER).map(owner -> "done");
        }

        @GetMapping("/webhooks/ping")
        String ping() {
            return "pong";
        }
    }
}
