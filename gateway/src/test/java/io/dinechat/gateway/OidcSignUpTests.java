package io.dinechat.gateway;

import static io.dinechat.gateway.Browser.login;
import static io.dinechat.gateway.Browser.signUpForm;
import static io.dinechat.gateway.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider beside the password login, with sign-up through the provider switched on: a
 * verified stranger gets a business of their own (once), and passwords keep working.
 */
class OidcSignUpTests extends GatewayContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final OidcProviderStandIn provider = new OidcProviderStandIn();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        provider.configure(registry, true, true);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void aVerifiedStrangerGetsOneBusinessOfTheirOwnAndAnUnverifiedOneNone() {
        String email = uniqueEmail("rania");
        String subject = "sub-" + UUID.randomUUID();

        Browser unverified = new Browser(http).open();
        var authorization = OidcProviderStandIn.start(unverified);
        var refused = provider.callback(unverified, authorization, UUID.randomUUID().toString(), provider.idToken(email,
                authorization.get("nonce"), c -> c.subject(subject).claim("email_verified", false)));
        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(users(email)).isZero();

        Browser first = signedIn(email, subject);
        JsonNode me = json(first.get("/api/identity/me"));
        assertThat(me.path("role").asString()).isEqualTo("owner");
        assertThat(me.path("businessName").asString()).isEqualTo("Rania Haddad's business");
        String tenant = me.path("tenantId").asString();
        var created = awaitAudit(tenant, "business.created");
        EventContract.assertValid("io.dinechat.audit.recorded", created.value());
        assertThat(new String(created.value(), java.nio.charset.StandardCharsets.UTF_8)).contains("Asia/Beirut");
        awaitAudit(tenant, "user.signed_in");

        JsonNode again = json(signedIn(email, subject).get("/api/identity/me"));
        assertThat(again.path("tenantId").asString()).isEqualTo(tenant);
        assertThat(again.path("memberships")).hasSize(1);
        assertThat(users(email)).isEqualTo(1);
    }

    @Test
    void passwordLoginStaysOnBesideTheProvider() {
        Browser browser = new Browser(http).open();
        JsonNode config = json(browser.get("/api/identity/config"));
        assertThat(config.path("passwordLogin").asBoolean()).isTrue();
        assertThat(config.path("oidc").path("loginUrl").asString()).isEqualTo("/api/identity/oidc/login");

        String email = uniqueEmail("password");
        assertThat(browser.post("/api/identity/signup", signUpForm("Password Bistro", email, "correct horse battery"))
                .getStatus().value()).isEqualTo(201);
        assertThat(new Browser(http).open().post("/api/identity/login", login(email, "correct horse battery"))
                .getStatus().value()).isEqualTo(200);
    }

    private Browser signedIn(String email, String subject) {
        Browser browser = new Browser(http).open();
        var authorization = OidcProviderStandIn.start(browser);
        var back = provider.callback(browser, authorization, UUID.randomUUID().toString(), provider.idToken(email,
                authorization.get("nonce"), c -> c.subject(subject).claim("name", "Rania Haddad").claim("zoneinfo", "Asia/Beirut")));
        assertThat(back.getStatus().value()).as(text(back)).isEqualTo(303);
        return browser;
    }

    private long users(String email) {
        return db.sql("select count(*) from users where lower(email) = lower(:e)").bind("e", email)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> awaitAudit(String tenant, String action) {
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "audit.v1")) {
            var records = probe.pollUntil(r -> tenant.equals(r.key()) && action.equals(TopicProbe.header(r, "ce_subject")),
                    Duration.ofSeconds(20));
            return records.stream().filter(r -> tenant.equals(r.key()) && action.equals(TopicProbe.header(r, "ce_subject")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + action + " audit for " + tenant));
        }
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(text(result));
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
