package io.dinechat.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.billing.config.StripeProperties;
import io.dinechat.billing.messaging.Topics;
import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.testing.ServiceChecks;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class BillingApplicationTests extends BillingServiceContext {

    @Autowired
    private WebTestClient http;

    @Autowired
    private RuntimeRoleGuard guard;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private HealthEndpointGroups healthGroups;

    @Autowired
    private ReactiveHealthContributorRegistry healthContributors;

    @Autowired
    private StripeProperties stripe;

    @Test
    void startsAsARuntimeRoleThatRowLevelSecurityApplies() {
        ServiceChecks.runsAsRuntimeRole(db, guard, "billing_app");
    }

    @Test
    void probesAndMetricsAreServedAndReadinessWaitsForTheDatabase() {
        ServiceChecks.readinessWaitsFor(healthGroups, healthContributors, "r2dbc");
        ServiceChecks.probesAndMetricsAreServed(http, "billing-service");
    }

    @Test
    void declaresItsTopicsEachWithADeadLetterTopicOfTheSamePartitionCount() {
        ServiceChecks.topicsHaveDeadLetterTwins(Topics.BILLING_EVENTS);
    }

    @Test
    void stripeSettingsComeFromTheEnvironmentAndNeverPrintTheirSecrets() {
        // given: the DINECHAT_STRIPE_* values of BillingServiceContext

        // when
        String printed = stripe.toString();

        // then
        assertThat(stripe.apiKey()).isEqualTo(API_KEY);
        assertThat(stripe.webhookSecret()).isEqualTo(WEBHOOK_SECRET);
        assertThat(stripe.apiBase()).isEqualTo(URI.create(StripeStandIn.baseUrl()));
        assertThat(stripe.prices().standard()).isEqualTo("price_standard_component");
        assertThat(stripe.prices().premium()).isEqualTo("price_premium_component");
        assertThat(printed).doesNotContain(API_KEY, WEBHOOK_SECRET).contains("<redacted>", "price_premium_component");
    }
}
