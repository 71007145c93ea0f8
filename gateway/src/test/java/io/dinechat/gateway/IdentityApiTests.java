package io.dinechat.gateway;

import static io.dinechat.gateway.Browser.login;
import static io.dinechat.gateway.Browser.signUpForm;
import static io.dinechat.gateway.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.dinechat.gateway.identity.domain.Base32;
import io.dinechat.gateway.identity.domain.Totp;
import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.ServiceChecks;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The identity API as the dashboard will use it, against the real database and Kafka. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityApiTests extends GatewayContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    RuntimeRoleGuard guard;

    @Test
    void signUpCreatesTheBusinessAndItsOwnerSignsThemInAndIsAudited() {
        // given
        Browser browser = new Browser(http).open();
        String email = uniqueEmail("amira");

        // when
        var created = browser.post("/api/identity/signup", signUpForm("Chez Amira", email, PASSWORD));

        // then
        assertThat(created.getStatus().value()).isEqualTo(201);
        JsonNode me = json(created);
        assertThat(me.path("role").asString()).isEqualTo("owner");
        assertThat(me.path("businessName").asString()).isEqualTo("Chez Amira");
        assertThat(me.path("user").path("email").asString()).isEqualTo(email);
        assertThat(me.path("memberships")).hasSize(1);
        var session = browser.lastSetCookies.get("DINECHAT_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        String tenant = me.path("tenantId").asString();
        assertThat(json(browser.get("/api/identity/me")).path("tenantId").asString()).isEqualTo(tenant);

        ConsumerRecord<String, byte[]> audit = awaitAudit(tenant, "business.created");
        EventContract.assertValid("io.dinechat.audit.recorded", audit.value());
        assertThat(TopicProbe.header(audit, "ce_tenantid")).isEqualTo(tenant);
    }

    @Test
    void unsafeRequestsWithoutTheCsrfTokenAreRefused() {
        String email = signedUp("csrf").email();

        http.post().uri("/api/identity/login").bodyValue(login(email, PASSWORD)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/csrf");
        http.post().uri("/api/identity/login").cookie("XSRF-TOKEN", "a".repeat(43))
                .header("X-XSRF-TOKEN", "b".repeat(43)).bodyValue(login(email, PASSWORD)).exchange()
                .expectStatus().isForbidden();
        assertThat(new Browser(http).open().post("/api/identity/login", login(email, PASSWORD)).getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordsAre401AndRepeatedOnesLockTheAccountWithRetryAfter() {
        String email = signedUp("locked").email();
        Browser attacker = new Browser(http).open();

        for (int i = 0; i < 3; i++) {
            var wrong = attacker.post("/api/identity/login", login(email, "not the password " + i));
            assertThat(wrong.getStatus().value()).isEqualTo(401);
            assertThat(json(wrong).path("type").asString()).endsWith("/invalid-credentials");
        }
        // Locked now: even the right password waits, and the answer says for how long.
        var locked = attacker.post("/api/identity/login", login(email, PASSWORD));
        assertThat(locked.getStatus().value()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
        // An unknown account answers exactly like a known one.
        var unknown = attacker.post("/api/identity/login", login(uniqueEmail("nobody"), PASSWORD));
        assertThat(unknown.getStatus().value()).isEqualTo(401);
        assertThat(json(unknown).path("type").asString()).endsWith("/invalid-credentials");
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = signedUp("logout").browser();
        String session = browser.cookie("DINECHAT_SESSION");

        assertThat(browser.post("/api/identity/logout", Map.of()).getStatus().value()).isEqualTo(204);

        assertThat(browser.cookie("DINECHAT_SESSION")).isNull();
        http.get().uri("/api/identity/me").cookie("DINECHAT_SESSION", session).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/unauthenticated");
    }

    @Test
    void withTotpOnLoginNeedsTheCodeFromTheApp() {
        var owner = signedUp("totp");
        JsonNode setup = json(owner.browser().post("/api/identity/totp/setup", Map.of()));
        byte[] secret = Base32.decode(setup.path("secret").asString());
        assertThat(setup.path("otpauthUri").asString()).startsWith("otpauth://totp/DineChat:");
        long step = Totp.step(Instant.now());
        assertThat(owner.browser().post("/api/identity/totp/enable", Map.of("code", "000000")).getStatus().value())
                .isEqualTo(400);
        assertThat(owner.browser().post("/api/identity/totp/enable",
                Map.of("code", Totp.code(secret, step, 6, Totp.Algorithm.SHA1))).getStatus().value()).isEqualTo(204);
        String sealed = db.sql("select totp_secret from users where lower(email) = :e").bind("e", owner.email())
                .map(row -> row.get("totp_secret", String.class)).one().block(WAIT);
        assertThat(sealed).isNotBlank().doesNotContain(setup.path("secret").asString());

        Browser other = new Browser(http).open();
        var withoutCode = other.post("/api/identity/login", login(owner.email(), PASSWORD));
        assertThat(withoutCode.getStatus().value()).isEqualTo(401);
        assertThat(json(withoutCode).path("type").asString()).endsWith("/totp-required");
        // The code of the step used to enable it is spent; the next step's is accepted (one step of drift).
        var replayed = other.post("/api/identity/login", Map.of("email", owner.email(), "password", PASSWORD,
                "totpCode", Totp.code(secret, step, 6, Totp.Algorithm.SHA1)));
        assertThat(replayed.getStatus().value()).isEqualTo(401);
        var withCode = other.post("/api/identity/login", Map.of("email", owner.email(), "password", PASSWORD,
                "totpCode", Totp.code(secret, step + 1, 6, Totp.Algorithm.SHA1)));
        assertThat(withCode.getStatus().value()).isEqualTo(200);
        assertThat(json(withCode).path("user").path("totpEnabled").asBoolean()).isTrue();
    }

    @Test
    void aPasswordResetLinkWorksOnceAndSignsEveryoneOut(CapturedOutput output) {
        var owner = signedUp("reset");
        Browser anonymous = new Browser(http).open();

        assertThat(anonymous.post("/api/identity/password-reset", Map.of("email", owner.email())).getStatus().value())
                .isEqualTo(202);
        assertThat(anonymous.post("/api/identity/password-reset", Map.of("email", uniqueEmail("ghost"))).getStatus().value())
                .isEqualTo(202);
        String token = linkToken(output, "/reset-password");
        String newPassword = "a whole new password";

        assertThat(anonymous.post("/api/identity/password-reset/confirm", Map.of("token", token, "newPassword", newPassword))
                .getStatus().value()).isEqualTo(204);

        assertThat(anonymous.post("/api/identity/password-reset/confirm", Map.of("token", token, "newPassword", newPassword))
                .getStatus().value()).isEqualTo(400);
        assertThat(owner.browser().get("/api/identity/me").getStatus().value()).isEqualTo(401);
        assertThat(anonymous.post("/api/identity/login", login(owner.email(), PASSWORD)).getStatus().value()).isEqualTo(401);
        assertThat(anonymous.post("/api/identity/login", login(owner.email(), newPassword)).getStatus().value()).isEqualTo(200);
    }

    @Test
    void staffCannotManageTheTeamOrBillingButOwnersCan(CapturedOutput output) {
        var owner = signedUp("team");
        String staffEmail = uniqueEmail("waiter");

        var invited = owner.browser().post("/api/identity/members", Map.of("email", staffEmail, "name", "Karim", "role", "staff"));
        assertThat(invited.getStatus().value()).isEqualTo(201);
        assertThat(json(invited).path("invitationPending").asBoolean()).isTrue();
        String staffId = json(invited).path("userId").asString();
        String token = linkToken(output, "/accept-invitation");
        Browser staff = new Browser(http).open();
        assertThat(staff.post("/api/identity/password-reset/confirm", Map.of("token", token, "newPassword", "staff password 1"))
                .getStatus().value()).isEqualTo(204);
        JsonNode staffMe = json(staff.post("/api/identity/login", login(staffEmail, "staff password 1")));
        assertThat(staffMe.path("role").asString()).isEqualTo("staff");
        assertThat(staffMe.path("tenantId").asString()).isEqualTo(owner.tenantId());

        assertThat(staff.get("/api/identity/members").getStatus().value()).isEqualTo(403);
        assertThat(staff.post("/api/identity/members", Map.of("email", uniqueEmail("x"), "name", "X", "role", "owner"))
                .getStatus().value()).isEqualTo(403);
        assertThat(staff.patch("/api/identity/members/" + staffId, Map.of("role", "owner")).getStatus().value()).isEqualTo(403);
        assertThat(staff.get("/api/billing/subscription").getStatus().value()).isEqualTo(403);

        assertThat(json(owner.browser().get("/api/identity/members"))).hasSize(2);
        // The last owner cannot demote themselves out of the business.
        assertThat(owner.browser().patch("/api/identity/members/" + owner.userId(), Map.of("role", "staff"))
                .getStatus().value()).isEqualTo(409);
        assertThat(owner.browser().delete("/api/identity/members/" + staffId).getStatus().value()).isEqualTo(204);
        // Removal takes effect at once: the staff member's session no longer reaches the business.
        assertThat(json(staff.get("/api/identity/me")).path("tenantId").isNull()).isTrue();
        assertThat(staff.get("/api/orders/today").getStatus().value()).isEqualTo(403);
        awaitAudit(owner.tenantId(), "member.removed");
    }

    @Test
    void servicesGetASignedShortLivedTokenAndNeverTheBrowsersCredentials() throws Exception {
        var owner = signedUp("token");

        var answer = owner.browser().send(HttpMethod.GET, "/api/orders/today?status=open", null,
                h -> h.set("Authorization", "Bearer forged"));

        assertThat(answer.getStatus().value()).isEqualTo(200);
        Received seen = lastReceived("/api/orders/today");
        assertThat(seen.path()).isEqualTo("/api/orders/today?status=open");
        assertThat(seen.header("Cookie")).isNull();
        assertThat(seen.header("X-XSRF-TOKEN")).isNull();
        SignedJWT jwt = SignedJWT.parse(seen.header("Authorization").substring("Bearer ".length()));
        JWKSet published = JWKSet.parse(text(http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody().returnResult()));
        assertThat(published.getKeys()).allMatch(k -> !k.isPrivate());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("dinechat-gateway");
        assertThat(claims.getAudience()).containsExactly("dinechat-services");
        assertThat(claims.getSubject()).isEqualTo(owner.userId());
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo(owner.tenantId());
        assertThat(claims.getStringClaim("role")).isEqualTo("owner");
        assertThat(claims.getStringClaim("client_address")).isNotBlank();
        assertThat(claims.getBooleanClaim("act_as")).isFalse();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(60)).isPositive();

        int before = received.size();
        http.get().uri("/api/orders/today").header("Authorization", "Bearer " + jwt.serialize()).exchange()
                .expectStatus().isUnauthorized();
        assertThat(received).hasSize(before);
    }

    @Test
    void aPlatformAdminReachesABusinessOnlyByAnAuditedActAs() throws Exception {
        var restaurant = signedUp("target");
        var admin = signedUp("admin");
        var notAdmin = signedUp("notadmin");
        db.sql("update users set platform_admin = true where id = :id").bind("id", UUID.fromString(admin.userId()))
                .fetch().rowsUpdated().block(WAIT);

        assertThat(notAdmin.browser().post("/api/identity/act-as", Map.of("tenantId", restaurant.tenantId(), "reason", "curious"))
                .getStatus().value()).isEqualTo(403);
        assertThat(admin.browser().post("/api/identity/act-as", Map.of("tenantId", restaurant.tenantId()))
                .getStatus().value()).isEqualTo(400);
        var acting = admin.browser().post("/api/identity/act-as",
                Map.of("tenantId", restaurant.tenantId(), "reason", "support ticket 4711"));

        assertThat(acting.getStatus().value()).isEqualTo(200);
        assertThat(json(acting).path("tenantId").asString()).isEqualTo(restaurant.tenantId());
        assertThat(json(acting).path("role").asString()).isEqualTo("platform_admin");
        admin.browser().get("/api/reservations/upcoming");
        var claims = SignedJWT.parse(lastReceived("/api/reservations/upcoming").header("Authorization").substring(7))
                .getJWTClaimsSet();
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo(restaurant.tenantId());
        assertThat(claims.getStringClaim("role")).isEqualTo("platform_admin");
        assertThat(claims.getBooleanClaim("act_as")).isTrue();
        var audit = awaitAudit(restaurant.tenantId(), "platform_admin.acted_as");
        EventContract.assertValid("io.dinechat.audit.recorded", audit.value());
        assertThat(new String(audit.value(), StandardCharsets.UTF_8)).contains("support ticket 4711", admin.userId());
    }

    @Test
    void membershipsAreIsolatedByRowLevelSecurityForTheRuntimeRole() {
        ServiceChecks.runsAsRuntimeRole(db, guard, "gateway_app");
        var a = signedUp("rls-a");
        var b = signedUp("rls-b");

        List<UUID> seenByA = tenants.inTenant(UUID.fromString(a.tenantId()), () -> db.sql("select user_id from memberships")
                .map(row -> row.get("user_id", UUID.class)).all().collectList()).block(WAIT);
        List<UUID> withoutTenant = db.sql("select tenant_id from memberships").map(row -> row.get("tenant_id", UUID.class))
                .all().collectList().block(WAIT);
        List<UUID> businessesSeenByB = tenants.inTenant(UUID.fromString(b.tenantId()), () -> db.sql("select id from businesses")
                .map(row -> row.get("id", UUID.class)).all().collectList()).block(WAIT);

        assertThat(seenByA).containsExactly(UUID.fromString(a.userId()));
        assertThat(withoutTenant).isEmpty();
        assertThat(businessesSeenByB).containsExactly(UUID.fromString(b.tenantId()));
    }

    @Test
    void anAnonymousRequestNeverReachesAService() {
        int before = received.size();

        http.get().uri("/api/conversations/inbox").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/unauthenticated");

        assertThat(received).hasSize(before);
    }

    // --- helpers ---

    record Owner(Browser browser, String email, String userId, String tenantId) {
    }

    private Owner signedUp(String who) {
        Browser browser = new Browser(http).open();
        String email = uniqueEmail(who);
        var created = browser.post("/api/identity/signup", signUpForm("Business of " + who, email, PASSWORD));
        assertThat(created.getStatus().value()).as(text(created)).isEqualTo(201);
        JsonNode me = json(created);
        return new Owner(browser, email, me.path("user").path("id").asString(), me.path("tenantId").asString());
    }

    private static ConsumerRecord<String, byte[]> awaitAudit(String tenant, String action) {
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "audit.v1")) {
            var records = probe.pollUntil(r -> tenant.equals(r.key()) && action.equals(TopicProbe.header(r, "ce_subject")),
                    Duration.ofSeconds(20));
            return records.stream().filter(r -> tenant.equals(r.key()) && action.equals(TopicProbe.header(r, "ce_subject")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + action + " audit for " + tenant));
        }
    }

    private static String linkToken(CapturedOutput output, String path) {
        Matcher link = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(output.getOut());
        String token = null;
        while (link.find()) {
            token = link.group(1);
        }
        assertThat(token).as("a " + path + " link in the log").isNotNull();
        return token;
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(text(result));
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
