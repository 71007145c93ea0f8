package io.dinechat.billing;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.testing.ServiceTestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against the shared embedded Kafka and its own PostgreSQL database (migrated as
 * billing_owner, run as billing_app), with Stripe's API played by WireMock ({@link StripeStandIn})
 * and Stripe settings given through the same variable names production uses. Test classes extend this so they share one application context.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "DINECHAT_STRIPE_API_KEY=" + BillingServiceContext.API_KEY,
        "DINECHAT_STRIPE_WEBHOOK_SECRET=" + BillingServiceContext.WEBHOOK_SECRET,
        "DINECHAT_STRIPE_PRICE_STANDARD=price_standard_component",
        "DINECHAT_STRIPE_PRICE_PREMIUM=price_premium_component"})
@AutoConfigureWebTestClient
abstract class BillingServiceContext {

    static final String API_KEY = "sk_test_component_7f3a91c2";
    static final String WEBHOOK_SECRET = "whsec_component_b84e10d6";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafkaAndPostgres(registry, "billing");
        registry.add("DINECHAT_STRIPE_API_BASE", StripeStandIn::baseUrl);
    }
}
