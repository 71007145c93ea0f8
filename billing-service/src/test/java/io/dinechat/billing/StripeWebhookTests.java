package io.dinechat.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dinechat.billing.StripeStandIn.API;
import static io.dinechat.billing.StripeStandIn.event;
import static io.dinechat.billing.StripeStandIn.id;
import static io.dinechat.billing.StripeStandIn.signature;
import static io.dinechat.billing.StripeStandIn.subscription;
import static io.dinechat.billing.StripeStandIn.subscriptionIs;
import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.billing.application.GracePeriods;
import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.domain.Plan;
import io.dinechat.billing.domain.PlanStatus;
import io.dinechat.billing.persistence.BillingAccounts;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks as Stripe sends them (signed bytes), with Stripe's API played by WireMock:
 * signatures, once-only handling, out-of-order deliveries, and the plan events other services
 * gate premium features on.
 */
class StripeWebhookTests extends BillingServiceContext {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String PREMIUM = "price_premium_component";
    static final String STANDARD = "price_standard_component";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    BillingAccounts accounts;

    @Autowired
    DatabaseClient db;

    @Autowired
    GracePeriods grace;

    /** A business that went to checkout: billing-service knows its Stripe customer. */
    record Business(UUID tenant, String customer) {
    }

    Business businessWithCustomer() {
        UUID tenant = UUID.randomUUID();
        String customer = id("cus");
        tenants.inTenant(tenant, () -> db.sql("insert into billing_accounts (tenant_id, stripe_customer_id) values (:t, :c)")
                .bind("t", tenant).bind("c", customer).fetch().rowsUpdated()).block(WAIT);
        return new Business(tenant, customer);
    }

    @Test
    void aCorrectlySignedSubscriptionEventMovesTheBusinessToPremiumAndPublishesItOnce() {
        // given
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond();
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 30 * 86400);
        String body = event(id("evt"), "customer.subscription.created",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 30 * 86400));

        // when
        int status = deliver(body, signature(body, WEBHOOK_SECRET, now()));

        // then
        assertThat(status).isEqualTo(200);
        BillingAccount account = account(business.tenant());
        assertThat(account.plan()).isEqualTo(Plan.PREMIUM);
        assertThat(account.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(account.subscriptionId()).isEqualTo(sub);
        List<JsonNode> events = planEvents(business.tenant(), 1);
        assertThat(events).hasSize(1);
        JsonNode plan = events.getFirst();
        assertThat(plan.get("plan").asString()).isEqualTo("premium");
        assertThat(plan.get("status").asString()).isEqualTo("active");
        assertThat(plan.get("premiumFeatures").asBoolean()).isTrue();
        assertThat(plan.get("version").asLong()).isEqualTo(1);
        assertThat(plan.get("currentPeriodEnd").asString()).isEqualTo(Instant.ofEpochSecond(created + 30 * 86400).toString());
    }

    @Test
    void aTamperedBodyAWrongSecretAStaleOrMissingSignatureAre400AndChangeNothing() {
        // given
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond();
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 86400);
        String eventId = id("evt");
        String body = event(eventId, "customer.subscription.created",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 86400));
        String genuine = signature(body, WEBHOOK_SECRET, now());
        String tampered = body.replace("\"active\"", "\"past_due\"");

        // when
        int tamperedStatus = deliver(tampered, genuine);
        int wrongSecret = deliver(body, signature(body, "whsec_somebody_else", now()));
        int stale = deliver(body, signature(body, WEBHOOK_SECRET, now() - 301));
        int unsigned = deliver(body, null);
        int garbage = deliver(body, "t=abc,v1=nothex");

        // then
        assertThat(List.of(tamperedStatus, wrongSecret, stale, unsigned, garbage)).containsOnly(400);
        assertThat(account(business.tenant()).plan()).isEqualTo(Plan.TRIAL);
        assertThat(stripeEventCount(eventId)).isZero();
        API.verify(0, getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + sub)));
        assertThat(planEventsFor(business.tenant(), Duration.ofSeconds(2))).isEmpty();

        // and the same bytes signed now still go through: only the signature was wrong
        assertThat(deliver(body, signature(body, WEBHOOK_SECRET, now() - 290))).isEqualTo(200);
        assertThat(account(business.tenant()).plan()).isEqualTo(Plan.PREMIUM);
    }

    @Test
    void anEventDeliveredThreeTimesHasOneEffect() {
        // given
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond();
        subscriptionIs(sub, business.customer(), "active", STANDARD, created, created + 86400);
        String eventId = id("evt");
        String body = event(eventId, "customer.subscription.created",
                subscription(sub, business.customer(), "active", STANDARD, created, created + 86400));

        // when: Stripe retries (each retry is signed afresh, same event id)
        int first = deliver(body, signature(body, WEBHOOK_SECRET, now()));
        int second = deliver(body, signature(body, WEBHOOK_SECRET, now()));
        int third = deliver(body, signature(body, WEBHOOK_SECRET, now()));

        // then
        assertThat(List.of(first, second, third)).containsOnly(200);
        API.verify(1, getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + sub)));
        assertThat(stripeEventCount(eventId)).isEqualTo(1);
        assertThat(account(business.tenant()).version()).isEqualTo(1);
        assertThat(planEventsFor(business.tenant(), Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void lateAndOutOfOrderDeliveriesCannotRegressTheSubscription() {
        // given: the subscription was created incomplete, then paid; Stripe now says active premium
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond() - 120;
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 30 * 86400);
        String updated = event(id("evt"), "customer.subscription.updated",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 30 * 86400));
        String lateCreated = event(id("evt"), "customer.subscription.created",
                subscription(sub, business.customer(), "incomplete", PREMIUM, created, created + 30 * 86400));
        String paid = event(id("evt"), "invoice.paid",
                StripeStandIn.invoice(id("in"), business.customer(), sub, "paid", 4900, created));
        String lateFailure = event(id("evt"), "invoice.payment_failed",
                StripeStandIn.invoice(id("in"), business.customer(), sub, "open", 4900, created - 60));
        String lateUpdateSayingPastDue = event(id("evt"), "customer.subscription.updated",
                subscription(sub, business.customer(), "past_due", PREMIUM, created, created + 30 * 86400));

        // when: the newest state arrives first, the older ones after it
        for (String body : List.of(updated, lateCreated, paid, lateFailure, lateUpdateSayingPastDue)) {
            assertThat(deliver(body, signature(body, WEBHOOK_SECRET, now()))).isEqualTo(200);
        }

        // then
        BillingAccount account = account(business.tenant());
        assertThat(account.plan()).isEqualTo(Plan.PREMIUM);
        assertThat(account.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(account.graceUntil()).isNull();
        List<JsonNode> events = planEventsFor(business.tenant(), Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("premiumFeatures").asBoolean()).isTrue();
    }

    @Test
    void anUpgradeReplacesTheOlderSubscriptionAndItsLateEventsAreIgnored() {
        // given: on standard
        Business business = businessWithCustomer();
        String standard = id("sub");
        long standardCreated = Instant.now().getEpochSecond() - 3600;
        subscriptionIs(standard, business.customer(), "active", STANDARD, standardCreated, standardCreated + 86400 * 30);
        String standardCreatedEvent = event(id("evt"), "customer.subscription.created",
                subscription(standard, business.customer(), "active", STANDARD, standardCreated, standardCreated + 86400 * 30));
        deliver(standardCreatedEvent, signature(standardCreatedEvent, WEBHOOK_SECRET, now()));
        String premium = id("sub");
        long premiumCreated = Instant.now().getEpochSecond();
        subscriptionIs(premium, business.customer(), "active", PREMIUM, premiumCreated, premiumCreated + 86400 * 30);
        StripeStandIn.subscriptionCanBeCancelled(standard, business.customer(), STANDARD, standardCreated);
        String checkout = event(id("evt"), "checkout.session.completed", """
                {"id":"%s","object":"checkout.session","mode":"subscription","status":"complete","customer":"%s",
                 "subscription":"%s","client_reference_id":"%s"}""".formatted(id("cs"), business.customer(), premium,
                business.tenant()));

        // when: the premium checkout completes, then a late update of the old standard subscription arrives
        assertThat(deliver(checkout, signature(checkout, WEBHOOK_SECRET, now()))).isEqualTo(200);
        subscriptionIs(standard, business.customer(), "canceled", STANDARD, standardCreated, standardCreated + 86400 * 30);
        String lateStandard = event(id("evt"), "customer.subscription.deleted",
                subscription(standard, business.customer(), "canceled", STANDARD, standardCreated, standardCreated));
        assertThat(deliver(lateStandard, signature(lateStandard, WEBHOOK_SECRET, now()))).isEqualTo(200);

        // then
        BillingAccount account = account(business.tenant());
        assertThat(account.plan()).isEqualTo(Plan.PREMIUM);
        assertThat(account.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(account.subscriptionId()).isEqualTo(premium);
        API.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + standard)));
        List<JsonNode> events = planEvents(business.tenant(), 2);
        assertThat(events).extracting(e -> e.get("plan").asString()).containsExactly("standard", "premium");
        assertThat(events).extracting(e -> e.get("premiumFeatures").asBoolean()).containsExactly(false, true);
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void aFailedPaymentKeepsPremiumThroughTheGracePeriodThenClosesItOnce() {
        // given: premium and active
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond() - 86400 * 31;
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 86400 * 30);
        String activated = event(id("evt"), "customer.subscription.created",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 86400 * 30));
        deliver(activated, signature(activated, WEBHOOK_SECRET, now()));

        // when: the renewal fails; Stripe marks the subscription past due
        subscriptionIs(sub, business.customer(), "past_due", PREMIUM, created, created + 86400 * 60);
        String failed = event(id("evt"), "invoice.payment_failed",
                StripeStandIn.invoice(id("in"), business.customer(), sub, "open", 4900, created + 86400 * 30));
        Instant before = Instant.now();
        assertThat(deliver(failed, signature(failed, WEBHOOK_SECRET, now()))).isEqualTo(200);

        // then: past due, premium still open until the grace period (7 days) ends
        BillingAccount pastDue = account(business.tenant());
        assertThat(pastDue.status()).isEqualTo(PlanStatus.PAST_DUE);
        assertThat(pastDue.graceUntil()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(7)));
        List<JsonNode> events = planEvents(business.tenant(), 2);
        assertThat(events.get(1).get("status").asString()).isEqualTo("past_due");
        assertThat(events.get(1).get("premiumFeatures").asBoolean()).isTrue();
        assertThat(events.get(1).get("graceUntil").asString()).isEqualTo(pastDue.graceUntil().toString());

        // when: the scheduled check runs inside the grace period, then after it (twice)
        long early = grace.closeEnded(Instant.now().plus(Duration.ofDays(6))).block(WAIT);
        long closed = grace.closeEnded(pastDue.graceUntil().plusSeconds(1)).block(WAIT);
        grace.closeEnded(pastDue.graceUntil().plusSeconds(60)).block(WAIT);

        // then
        assertThat(early).isZero();
        assertThat(closed).isGreaterThanOrEqualTo(1);
        assertThat(account(business.tenant()).premiumFeatures()).isFalse();
        List<JsonNode> after = planEvents(business.tenant(), 3);
        assertThat(after).hasSize(3);
        assertThat(after.get(2).get("premiumFeatures").asBoolean()).isFalse();
        assertThat(after.get(2).get("status").asString()).isEqualTo("past_due");
        assertThat(after.get(2).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aDeletedSubscriptionClosesPremiumAtOnce() {
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond() - 600;
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 86400 * 30);
        String activated = event(id("evt"), "customer.subscription.created",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 86400 * 30));
        deliver(activated, signature(activated, WEBHOOK_SECRET, now()));

        subscriptionIs(sub, business.customer(), "canceled", PREMIUM, created, created + 86400 * 30);
        String deleted = event(id("evt"), "customer.subscription.deleted",
                subscription(sub, business.customer(), "canceled", PREMIUM, created, created + 86400 * 30));
        assertThat(deliver(deleted, signature(deleted, WEBHOOK_SECRET, now()))).isEqualTo(200);

        assertThat(account(business.tenant()).status()).isEqualTo(PlanStatus.CANCELED);
        List<JsonNode> events = planEvents(business.tenant(), 2);
        assertThat(events.get(1).get("status").asString()).isEqualTo("canceled");
        assertThat(events.get(1).get("premiumFeatures").asBoolean()).isFalse();
    }

    @Test
    void unknownEventTypesAndUnknownCustomersAreAcknowledgedAndRecorded() {
        // given
        String unknownType = id("evt");
        String body = event(unknownType, "customer.tax_id.created", "{\"id\":\"txi_1\",\"object\":\"tax_id\"}");
        String strangerEvent = id("evt");
        String stranger = event(strangerEvent, "customer.subscription.updated",
                subscription(id("sub"), id("cus"), "active", PREMIUM, now(), now() + 86400));

        // when
        int first = deliver(body, signature(body, WEBHOOK_SECRET, now()));
        int replay = deliver(body, signature(body, WEBHOOK_SECRET, now()));
        int strangers = deliver(stranger, signature(stranger, WEBHOOK_SECRET, now()));

        // then
        assertThat(List.of(first, replay, strangers)).containsOnly(200);
        assertThat(outcome(unknownType)).isEqualTo("unknown_type");
        assertThat(outcome(strangerEvent)).isEqualTo("ignored: unknown customer");
    }

    @Test
    void stripeBeingUnreachableAnswers503AndTheRetrySucceeds() {
        // given: Stripe answers its error envelope for this subscription
        Business business = businessWithCustomer();
        String sub = id("sub");
        long created = Instant.now().getEpochSecond();
        API.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/subscriptions/" + sub))
                .willReturn(StripeStandIn.error(500, "api_error", "internal", "An unknown error occurred")));
        String eventId = id("evt");
        String body = event(eventId, "customer.subscription.created",
                subscription(sub, business.customer(), "active", PREMIUM, created, created + 86400));

        // when
        int failed = deliver(body, signature(body, WEBHOOK_SECRET, now()));
        subscriptionIs(sub, business.customer(), "active", PREMIUM, created, created + 86400);
        int retried = deliver(body, signature(body, WEBHOOK_SECRET, now()));

        // then
        assertThat(failed).isEqualTo(503);
        assertThat(retried).isEqualTo(200);
        assertThat(account(business.tenant()).plan()).isEqualTo(Plan.PREMIUM);
        assertThat(stripeEventCount(eventId)).isEqualTo(1);
    }

    int deliver(String body, String signature) {
        var request = http.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectBody().returnResult().getStatus().value();
    }

    BillingAccount account(UUID tenant) {
        return tenants.inTenant(tenant, () -> accounts.find(tenant)).block(WAIT);
    }

    long stripeEventCount(String eventId) {
        return db.sql("select count(*) as n from stripe_events where event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block(WAIT);
    }

    String outcome(String eventId) {
        return db.sql("select outcome from stripe_events where event_id = :id").bind("id", eventId)
                .map(row -> row.get("outcome", String.class)).one().block(WAIT);
    }

    /** The business's plan events once at least {@code count} arrived, each held to the published schema. */
    static List<JsonNode> planEvents(UUID tenant, int count) {
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "billing.events.v1")) {
            List<ConsumerRecord<String, byte[]>> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                seen = probe.pollUntil(r -> false, Duration.ofMillis(500)).stream()
                        .filter(r -> tenant.toString().equals(r.key())).toList();
            }
            return seen.stream().map(StripeWebhookTests::checked).toList();
        }
    }

    static List<JsonNode> planEventsFor(UUID tenant, Duration duration) {
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "billing.events.v1")) {
            return probe.pollFor(duration).stream().filter(r -> tenant.toString().equals(r.key()))
                    .map(StripeWebhookTests::checked).toList();
        }
    }

    private static JsonNode checked(ConsumerRecord<String, byte[]> record) {
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("io.dinechat.billing.plan.changed");
        assertThat(TopicProbe.header(record, "ce_tenantid")).isEqualTo(record.key());
        EventContract.assertValid("io.dinechat.billing.plan.changed", record.value());
        return JSON.readTree(record.value());
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
