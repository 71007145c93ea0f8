package io.dinechat.gateway;

import static io.dinechat.gateway.Browser.login;
import static io.dinechat.gateway.Browser.signUpForm;
import static io.dinechat.gateway.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.IdentityStore.Business;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in through an external OpenID Connect provider that replaces the password login. WireMock
 * plays the provider on its real wire format (discovery, JWKS, token endpoint with
 * client_secret_basic); the ID tokens are RS256 JWTs minted here with the provider's key, or with
 * the faults a real attacker or a misconfigured provider would bring.
 */
class OidcSignInTests extends GatewayContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT_ID = OidcProviderStandIn.CLIENT_ID;
    private static final String CLIENT_SECRET = OidcProviderStandIn.CLIENT_SECRET;

    static final OidcProviderStandIn provider = new OidcProviderStandIn();
    static final String ISSUER = provider.issuer;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        provider.configure(registry, false, false);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    IdentityStore identities;

    @Autowired
    TenantTransactions tenants;

    @Test
    void anInvitedOwnerSignsInThroughTheProviderAndTheSessionWorks() throws Exception {
        // given an owner invited by an operator, who never chose a password
        Member owner = member("Bistro Nadia", Role.OWNER);
        Browser browser = new Browser(http).open();

        // when the browser goes to the provider and comes back with a code
        var started = browser.get("/api/identity/oidc/login");
        assertThat(started.getStatus().value()).isEqualTo(302);
        URI location = started.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(ISSUER + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", "http://localhost:8080/api/identity/oidc/callback")
                .containsEntry("code_challenge_method", "S256");
        assertThat(query.get("scope").split(" ")).contains("openid", "email");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(query.get("state"));
        var bindingCookie = browser.lastSetCookies.get("DINECHAT_OIDC");
        assertThat(bindingCookie.isHttpOnly()).isTrue();
        assertThat(bindingCookie.getPath()).isEqualTo("/api/identity/oidc");

        String code = UUID.randomUUID().toString();
        var back = callback(browser, query, code, provider.idToken(owner.email(), query.get("nonce"), c -> { }));

        // then the dashboard opens signed in, with the same session cookie as a password login
        assertThat(back.getStatus().value()).as(text(back)).isEqualTo(303);
        assertThat(back.getResponseHeaders().getLocation()).isEqualTo(URI.create("/"));
        var session = browser.lastSetCookies.get("DINECHAT_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.lastSetCookies.get("DINECHAT_OIDC").getMaxAge()).isZero();
        JsonNode me = json(browser.get("/api/identity/me"));
        assertThat(me.path("user").path("id").asString()).isEqualTo(owner.userId().toString());
        assertThat(me.path("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(me.path("role").asString()).isEqualTo("owner");
        assertThat(browser.get("/api/orders/today").getStatus().value()).isEqualTo(200);

        // the code was redeemed with the client's credentials and the verifier behind the challenge
        LoggedRequest redeemed = provider.redemptionsOf(code).getFirst();
        assertThat(redeemed.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> form = form(redeemed.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", "http://localhost:8080/api/identity/oidc/callback");
        assertThat(s256(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));

        // and the sign-in is in the business's audit trail; the account is no longer an open invitation
        ConsumerRecord<String, byte[]> audit = awaitAudit(owner.tenantId().toString(), "user.signed_in");
        EventContract.assertValid("io.dinechat.audit.recorded", audit.value());
        assertThat(new String(audit.value(), StandardCharsets.UTF_8)).contains("\"method\":\"oidc\"", ISSUER);
        JsonNode team = json(browser.get("/api/identity/members"));
        assertThat(team).hasSize(1);
        assertThat(team.get(0).path("invitationPending").asBoolean()).isFalse();
    }

    @Test
    void anInvitationLinksOnTheFirstSignInAndTheProvidersSubjectFindsTheAccountAfterwards() {
        Member owner = member("Cafe Lina", Role.OWNER);
        Browser ownerBrowser = signedIn(owner.email(), "owner-" + owner.userId());
        String staffEmail = uniqueEmail("waiter");
        var invited = ownerBrowser.post("/api/identity/members", Map.of("email", staffEmail, "name", "Karim", "role", "staff"));
        assertThat(invited.getStatus().value()).as(text(invited)).isEqualTo(201);
        String staffId = json(invited).path("userId").asString();

        // first sign-in of the invited email: linked to the provider's subject
        String subject = "staff-" + UUID.randomUUID();
        Browser staff = signedIn(staffEmail, subject);
        JsonNode me = json(staff.get("/api/identity/me"));
        assertThat(me.path("user").path("id").asString()).isEqualTo(staffId);
        assertThat(me.path("role").asString()).isEqualTo("staff");
        assertThat(me.path("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(staff.get("/api/billing/plan").getStatus().value()).isEqualTo(403);
        assertThat(linkedSubject(UUID.fromString(staffId))).isEqualTo(subject);

        // the provider changed the person's email: the subject still finds the same account
        Browser later = signedIn("karim.renamed-" + UUID.randomUUID() + "@example.com", subject);
        assertThat(json(later.get("/api/identity/me")).path("user").path("id").asString()).isEqualTo(staffId);

        // another provider account claiming the same email cannot take the linked account over
        Browser impostor = new Browser(http).open();
        Map<String, String> query = start(impostor);
        var refused = callback(impostor, query, UUID.randomUUID().toString(),
                provider.idToken(staffEmail, query.get("nonce"), c -> c.subject("someone-else")));
        assertThat(refused.getStatus().value()).isEqualTo(409);
        assertThat(impostor.cookie("DINECHAT_SESSION")).isNull();
    }

    @Test
    void aForgedOrReplayedStateOrAnotherBrowsersSignInIsRefused() {
        Member owner = member("Trattoria Sole", Role.OWNER);
        Browser browser = new Browser(http).open();
        Map<String, String> query = start(browser);
        String token = provider.idToken(owner.email(), query.get("nonce"), c -> { });

        // a state this gateway never issued: refused before the code is even redeemed
        String forgedCode = UUID.randomUUID().toString();
        Map<String, String> forged = new LinkedHashMap<>(query);
        forged.put("state", "x".repeat(43));
        assertRefused(browser, callback(browser, forged, forgedCode, token), owner, 401, "sign-in-failed");
        assertThat(provider.redemptionsOf(forgedCode)).isEmpty();

        // a state started in another browser, brought back by one with a sign-in of its own (login CSRF): refused
        Browser victim = new Browser(http).open();
        start(victim);
        Map<String, String> stolen = start(browser);
        assertRefused(victim, callback(victim, stolen, UUID.randomUUID().toString(),
                provider.idToken(owner.email(), stolen.get("nonce"), c -> { })), owner, 401, "sign-in-failed");

        // the provider said no
        Map<String, String> denied = start(browser);
        var deniedAnswer = browser.get("/api/identity/oidc/callback?error=access_denied&state=" + denied.get("state"));
        assertRefused(browser, deniedAnswer, owner, 401, "sign-in-failed");

        // a state works once
        Map<String, String> once = start(browser);
        String onceToken = provider.idToken(owner.email(), once.get("nonce"), c -> { });
        assertThat(callback(browser, once, UUID.randomUUID().toString(), onceToken).getStatus().value()).isEqualTo(303);
        http.get().uri("/api/identity/oidc/callback?code=" + UUID.randomUUID() + "&state=" + once.get("state"))
                .cookie("DINECHAT_OIDC", "anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Location")
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/sign-in-failed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wrong nonce", "expired", "signed by another key", "another audience", "another issuer",
            "unsigned"})
    void anIdTokenThatDoesNotVerifyIsRefusedAndCreatesNothing(String fault) {
        Member owner = member("Bistro " + fault, Role.OWNER);
        Browser browser = new Browser(http).open();
        Map<String, String> query = start(browser);
        String nonce = query.get("nonce");
        Instant now = Instant.now();
        String token = switch (fault) {
            case "wrong nonce" -> provider.idToken(owner.email(), "another-nonce-" + nonce, c -> { });
            case "expired" -> provider.idToken(owner.email(), nonce, c -> c.issueTime(Date.from(now.minusSeconds(900)))
                    .expirationTime(Date.from(now.minusSeconds(300))));
            // same key id as the provider's real key, so only the signature itself can tell
            case "signed by another key" -> provider.idToken(OidcProviderStandIn.rsaKey("provider-key-1"), owner.email(), nonce, c -> { });
            case "another audience" -> provider.idToken(owner.email(), nonce, c -> c.audience("another-client"));
            case "another issuer" -> provider.idToken(owner.email(), nonce, c -> c.issuer("https://evil.example/realms/dinechat"));
            case "unsigned" -> new com.nimbusds.jwt.PlainJWT(provider.claims(owner.email(), nonce).build()).serialize();
            default -> throw new IllegalArgumentException(fault);
        };

        var answer = callback(browser, query, UUID.randomUUID().toString(), token);

        assertRefused(browser, answer, owner, 401, "sign-in-failed");
        assertThat(text(answer)).doesNotContain("nonce", "signature", "audience", "expired");
    }

    @Test
    void unknownEmailsUnverifiedEmailsAndFormerMembersGetAClearProblemAndNothingIsCreated() {
        String stranger = uniqueEmail("stranger");
        Browser browser = new Browser(http).open();
        Map<String, String> query = start(browser);
        var unknown = callback(browser, query, UUID.randomUUID().toString(), provider.idToken(stranger, query.get("nonce"), c -> { }));
        assertThat(unknown.getStatus().value()).isEqualTo(403);
        assertThat(json(unknown).path("type").asString()).isEqualTo("https://dinechat.io/problems/unknown-account");
        assertThat(json(unknown).path("detail").asString()).contains(stranger, "invite");
        assertThat(browser.cookie("DINECHAT_SESSION")).isNull();
        assertThat(count("select count(*) from users where lower(email) = lower(:v)", stranger)).isZero();

        Member owner = member("Salon Maya", Role.OWNER);
        query = start(browser);
        var unverified = callback(browser, query, UUID.randomUUID().toString(),
                provider.idToken(owner.email(), query.get("nonce"), c -> c.claim("email_verified", false)));
        assertRefused(browser, unverified, owner, 403, "email-not-verified");

        // removed from the team: the account exists but works for no business any more
        tenants.inTenant(owner.tenantId(), () -> identities.removeMembership(owner.userId())).block(WAIT);
        query = start(browser);
        var former = callback(browser, query, UUID.randomUUID().toString(),
                provider.idToken(owner.email(), query.get("nonce"), c -> { }));
        assertRefused(browser, former, owner, 403, "no-business");
    }

    @Test
    void withPasswordLoginOffThePasswordEndpointsSendPeopleToTheProvider() {
        Browser browser = new Browser(http).open();
        String email = uniqueEmail("password");

        JsonNode config = json(browser.get("/api/identity/config"));
        assertThat(config.path("passwordLogin").asBoolean()).isFalse();
        assertThat(config.path("oidc").path("displayName").asString()).isEqualTo("Acme SSO");
        assertThat(config.path("oidc").path("loginUrl").asString()).isEqualTo("/api/identity/oidc/login");

        for (var attempt : Map.of(
                "/api/identity/signup", signUpForm("Password Bistro", email, "correct horse battery"),
                "/api/identity/login", login(email, "correct horse battery"),
                "/api/identity/password-reset", Map.of("email", email),
                "/api/identity/password-reset/confirm", Map.of("token", "t".repeat(43), "newPassword", "a new password here"))
                .entrySet()) {
            var refused = browser.post(attempt.getKey(), attempt.getValue());
            assertThat(refused.getStatus().value()).as(attempt.getKey()).isEqualTo(403);
            JsonNode problem = json(refused);
            assertThat(problem.path("type").asString()).isEqualTo("https://dinechat.io/problems/password-login-disabled");
            assertThat(problem.path("detail").asString()).contains("Acme SSO");
            assertThat(problem.path("signInUrl").asString()).isEqualTo("/api/identity/oidc/login");
        }
        assertThat(browser.cookie("DINECHAT_SESSION")).isNull();
        assertThat(count("select count(*) from users where lower(email) = lower(:v)", email)).isZero();
    }

    // --- the browser's side ---

    record Member(String email, UUID userId, UUID tenantId) {
    }

    /** A business and a member the way an operator or an invitation leaves them: no password. */
    private Member member(String business, Role role) {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String email = uniqueEmail("member");
        tenants.inTenant(tenant, () -> identities.insertBusiness(new Business(tenant, business, "restaurant", "Europe/Paris",
                        "french", "EUR"))
                .then(identities.insertUser(user, email, "Member of " + business, null))
                .then(identities.addMembership(tenant, user, role))).block(WAIT);
        return new Member(email, user, tenant);
    }

    private Browser signedIn(String email, String subject) {
        Browser browser = new Browser(http).open();
        Map<String, String> query = start(browser);
        var back = callback(browser, query, UUID.randomUUID().toString(),
                provider.idToken(email, query.get("nonce"), c -> c.subject(subject)));
        assertThat(back.getStatus().value()).as(text(back)).isEqualTo(303);
        return browser;
    }

    private static Map<String, String> start(Browser browser) {
        return OidcProviderStandIn.start(browser);
    }

    private static EntityExchangeResult<byte[]> callback(Browser browser, Map<String, String> query, String code,
            String idToken) {
        return provider.callback(browser, query, code, idToken);
    }

    private void assertRefused(Browser browser, EntityExchangeResult<byte[]> answer, Member member, int status, String slug) {
        assertThat(answer.getStatus().value()).as(text(answer)).isEqualTo(status);
        assertThat(answer.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(json(answer).path("type").asString()).isEqualTo("https://dinechat.io/problems/" + slug);
        assertThat(browser.cookie("DINECHAT_SESSION")).isNull();
        assertThat(count("select count(*) from sessions where user_id = :v", member.userId())).isZero();
        assertThat(linkedSubject(member.userId())).isNull();
    }

    private String linkedSubject(UUID userId) {
        return db.sql("select subject from external_identities where user_id = :u").bind("u", userId)
                .map(row -> row.get("subject", String.class)).one().block(WAIT);
    }

    private long count(String sql, Object value) {
        return db.sql(sql).bind("v", value).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }

    private static Map<String, String> query(URI uri) {
        return OidcProviderStandIn.form(uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        return OidcProviderStandIn.form(encoded);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static ConsumerRecord<String, byte[]> awaitAudit(String tenant, String action) {
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
