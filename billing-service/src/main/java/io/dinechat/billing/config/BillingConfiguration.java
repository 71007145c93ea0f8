package io.dinechat.billing.config;

import com.stripe.StripeClient;
import io.dinechat.billing.domain.PlanPrices;
import io.dinechat.billing.domain.SubscriptionRules;
import io.dinechat.billing.stripe.StripeApi;
import io.dinechat.billing.stripe.StripeWebhooks;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires Stripe (API base from configuration, so tests and the local stack point it at a local server) and the plan rules. */
@Configuration(proxyBeanMethods = false)
public class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlanPrices planPrices(StripeProperties stripe) {
        return new PlanPrices(stripe.prices().standard(), stripe.prices().premium());
    }

    @Bean
    SubscriptionRules subscriptionRules(PlanPrices prices, BillingProperties billing) {
        return new SubscriptionRules(prices, billing.gracePeriod());
    }

    @Bean
    StripeApi stripeApi(StripeProperties stripe) {
        boolean configured = !stripe.apiKey().isBlank();
        if (!configured) {
            log.warn("DINECHAT_STRIPE_API_KEY is not set: checkout, portal and webhooks that need Stripe will fail");
        }
        StripeClient client = new StripeClient.StripeClientBuilder()
                .setApiKey(configured ? stripe.apiKey() : "sk_unset")
                .setApiBase(stripe.apiBase().toString().replaceAll("/+$", ""))
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .setMaxNetworkRetries(2)
                .build();
        return new StripeApi(client, configured);
    }

    @Bean
    StripeWebhooks stripeWebhooks(StripeProperties stripe, JsonMapper json, Clock clock) {
        if (stripe.webhookSecret().isBlank()) {
            log.warn("DINECHAT_STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook will be refused");
        }
        return new StripeWebhooks(stripe.webhookSecret(), json, clock);
    }
}
