package io.dinechat.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dinechat.billing.StripeStandIn.API;
import static io.dinechat.billing.StripeStandIn.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TopicProbe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's billing API: owners only, the business from the token, Stripe's pages behind it. */
class BillingApiTests extends BillingServiceContext {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void onlyTheOwnerMayUseBillingStaffAndAdminsGet403AndStrangers401() {
        UUID tenant = UUID.randomUUID();
        for (Role notOwner : List.of(Role.STAFF, Role.PLATFORM_ADMIN)) {
            String token = TestIdentity.bearer(tenant, UUID.randomUUID(), notOwner);
            http.get().uri("/api/billing/plan").header("Authorization", token).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.post().uri("/api/billing/checkout-sessions").header("Authorization", token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("plan", "premium")).exchange()
                    .expectStatus().isForbidden();
            http.post().uri("/api/billing/portal-sessions").header("Authorization", token).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/billing/invoices").header("Authorization", token).exchange()
                    .expectStatus().isForbidden();
        }
        http.get().uri("/api/billing/plan").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/billing/plan")
                .header("Authorization", TestIdentity.forgedBearer(tenant, UUID.randomUUID(), Role.OWNER)).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/billing/plan")
                .header("Authorization", TestIdentity.expiredBearer(tenant, UUID.randomUUID(), Role.OWNER)).exchange()
                .expectStatus().isUnauthorized();
        API.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(tenant.toString())));
    }

    @Test
    void aNewBusinessIsOnTheTrialAndCanBuyTheConfiguredPlans() {
        http.get().uri("/api/billing/plan").header("Authorization", owner(UUID.randomUUID())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.plan").isEqualTo("trial")
                .jsonPath("$.status").isEqualTo("trialing")
                .jsonPath("$.premiumFeatures").isEqualTo(false)
                .jsonPath("$.purchasablePlans[0]").isEqualTo("standard")
                .jsonPath("$.purchasablePlans[1]").isEqualTo("premium");
    }

    @Test
    void theOwnerStartsCheckoutAsTheirOwnStripeCustomerAndTheVisitIsAudited() {
        // given
        UUID tenant = UUID.randomUUID();
        String customer = id("cus");
        String session = id("cs_test");
        StripeStandIn.customersAreCreated(customer);
        StripeStandIn.checkoutSessionsAreCreated(session);

        // when: twice, as an owner who went back and tried again
        String url = checkoutUrl(tenant);
        String again = checkoutUrl(tenant);

        // then: one customer for the business, two sessions for the premium price, form-encoded as Stripe expects
        assertThat(url).isEqualTo("https://checkout.stripe.com/c/pay/" + session).isEqualTo(again);
        List<LoggedRequest> customers = API.findAll(postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withRequestBody(containing(tenant.toString())));
        assertThat(customers).hasSize(1);
        assertThat(customers.getFirst().getHeader("Idempotency-Key")).isEqualTo("dinechat-customer-" + tenant);
        assertThat(customers.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        List<LoggedRequest> sessions = API.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("client_reference_id=" + tenant)));
        assertThat(sessions).hasSize(2);
        Map<String, String> form = form(sessions.getFirst().getBodyAsString());
        assertThat(form).containsEntry("customer", customer)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", "price_premium_component")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("subscription_data[metadata][tenant_id]", tenant.toString());
        assertThat(form.get("success_url")).startsWith("http://localhost:8080/billing?checkout=success");
        assertThat(stripeCustomerOf(tenant)).isEqualTo(customer);
        JsonNode audit = auditRecord(tenant, "billing.checkout_started");
        assertThat(audit.path("actor").path("role").asString()).isEqualTo("owner");
        assertThat(audit.path("after").path("requestedPlan").asString()).isEqualTo("premium");
    }

    @Test
    void theOwnerOpensTheCustomerPortal() {
        UUID tenant = UUID.randomUUID();
        String customer = id("cus");
        String session = id("bps");
        StripeStandIn.customersAreCreated(customer);
        StripeStandIn.portalSessionsAreCreated(session);

        http.post().uri("/api/billing/portal-sessions").header("Authorization", owner(tenant)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.url").isEqualTo("https://billing.stripe.com/p/session/" + session);

        API.verify(1, postRequestedFor(urlPathEqualTo("/v1/billing_portal/sessions"))
                .withRequestBody(containing("customer=" + customer)));
        auditRecord(tenant, "billing.portal_opened");
    }

    @Test
    void aPlanThatCannotBeBoughtIs422AndAStripeFailureIs502WithoutStripesDetails() {
        UUID tenant = UUID.randomUUID();
        checkout(tenant, "trial").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        checkout(tenant, "gold").expectStatus().isEqualTo(422);

        UUID unlucky = UUID.randomUUID();
        API.stubFor(post(urlPathEqualTo("/v1/customers")).withRequestBody(containing(unlucky.toString()))
                .atPriority(1)
                .willReturn(StripeStandIn.error(401, "invalid_request_error", "api_key_invalid",
                        "Invalid API Key provided: sk_test_****c2")));
        String body = new String(checkout(unlucky, "premium").expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("sk_test", "api_key_invalid", API_KEY);
    }

    @Test
    void aBusinessAlreadyOnAPlanChangesItInThePortalNotThroughASecondCheckout() {
        UUID tenant = UUID.randomUUID();
        tenants.inTenant(tenant, () -> db.sql("""
                insert into billing_accounts (tenant_id, stripe_customer_id, plan, status, stripe_subscription_id)
                values (:t, :c, 'premium', 'active', :s)""")
                .bind("t", tenant).bind("c", id("cus")).bind("s", id("sub")).fetch().rowsUpdated())
                .block(Duration.ofSeconds(10));

        checkout(tenant, "premium").expectStatus().isEqualTo(409);
        checkout(tenant, "standard").expectStatus().isEqualTo(409);
        http.get().uri("/api/billing/plan").header("Authorization", owner(tenant)).exchange()
                .expectBody().jsonPath("$.plan").isEqualTo("premium").jsonPath("$.premiumFeatures").isEqualTo(true);
    }

    @Test
    void invoicesAreListedForTheirOwnBusinessOnly() {
        // given: Stripe reported a paid invoice for this business
        UUID tenant = UUID.randomUUID();
        String customer = id("cus");
        tenants.inTenant(tenant, () -> db.sql("insert into billing_accounts (tenant_id, stripe_customer_id) values (:t, :c)")
                .bind("t", tenant).bind("c", customer).fetch().rowsUpdated()).block(Duration.ofSeconds(10));
        String invoiceId = id("in");
        long created = Instant.now().getEpochSecond() - 86400;
        String body = StripeStandIn.event(id("evt"), "invoice.paid",
                StripeStandIn.invoice(invoiceId, customer, null, "paid", 4900, created)
                        .replace("\"subscription_details\":{\"subscription\":\"null\"}", "\"subscription_details\":{}"));
        http.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", StripeStandIn.signature(body, WEBHOOK_SECRET, Instant.now().getEpochSecond()))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();

        // when / then
        http.get().uri("/api/billing/invoices").header("Authorization", owner(tenant)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(invoiceId)
                .jsonPath("$[0].status").isEqualTo("paid")
                .jsonPath("$[0].amount").isEqualTo("49.00")
                .jsonPath("$[0].currency").isEqualTo("EUR")
                .jsonPath("$[0].hostedInvoiceUrl").isEqualTo("https://invoice.stripe.com/i/" + invoiceId);
        http.get().uri("/api/billing/invoices").header("Authorization", owner(UUID.randomUUID())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec checkout(UUID tenant, String plan) {
        return http.post().uri("/api/billing/checkout-sessions").header("Authorization", owner(tenant))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("plan", plan)).exchange();
    }

    private String checkoutUrl(UUID tenant) {
        return http.post().uri("/api/billing/checkout-sessions").header("Authorization", owner(tenant))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("plan", "premium")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("url").toString();
    }

    private static String owner(UUID tenant) {
        return TestIdentity.bearer(tenant, UUID.randomUUID(), Role.OWNER);
    }

    private String stripeCustomerOf(UUID tenant) {
        return tenants.inTenant(tenant, () -> db.sql("select stripe_customer_id from billing_accounts")
                .map(row -> row.get("stripe_customer_id", String.class)).one()).block(Duration.ofSeconds(10));
    }

    private static JsonNode auditRecord(UUID tenant, String action) {
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "audit.v1")) {
            var records = probe.pollUntil(r -> tenant.toString().equals(r.key())
                    && action.equals(TopicProbe.header(r, "ce_subject")), Duration.ofSeconds(15));
            var record = records.stream().filter(r -> tenant.toString().equals(r.key())
                    && action.equals(TopicProbe.header(r, "ce_subject"))).findFirst().orElseThrow(
                            () -> new AssertionError("no audit record " + action + " for " + tenant));
            EventContract.assertValid("io.dinechat.audit.recorded", record.value());
            return JSON.readTree(record.value());
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
