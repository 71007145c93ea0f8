package io.dinechat.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without a provider configured, the dashboard is told to show the password login only. */
class LoginMethodsTests extends GatewayContext {

    @Autowired
    WebTestClient http;

    @Test
    void withoutAProviderOnlyThePasswordLoginIsOffered() {
        http.get().uri("/api/identity/config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.passwordLogin").isEqualTo(true)
                .jsonPath("$.oidc").doesNotExist();
        http.get().uri("/api/identity/oidc/login").exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist("Location")
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/not-found");
    }
}
