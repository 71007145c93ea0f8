package io.dinechat.billing.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing-service reaches Stripe. Empty locally; production sets {@code DINECHAT_STRIPE_API_KEY},
 * {@code DINECHAT_STRIPE_WEBHOOK_SECRET} and the price ids. The local stack points {@code apiBase}
 * at a simulator that speaks Stripe's wire format.
 *
 * @param apiKey        the secret API key; never logged, never returned by an API
 * @param webhookSecret the signing secret of the webhook endpoint; never logged
 * @param apiBase       Stripe's API root ({@code DINECHAT_STRIPE_API_BASE})
 * @param prices        the Stripe price id each paid plan subscribes to (trial has none)
 */
@ConfigurationProperties("dinechat.billing.stripe")
public record StripeProperties(@DefaultValue("") String apiKey, @DefaultValue("") String webhookSecret,
        @DefaultValue("https://api.stripe.com") URI apiBase, @DefaultValue Prices prices) {

    public record Prices(@DefaultValue("") String standard, @DefaultValue("") String premium) {
    }

    /** Secrets stay out of logs and failure messages even when the whole record is printed. */
    @Override
    public String toString() {
        return "StripeProperties[apiKey=" + redacted(apiKey) + ", webhookSecret=" + redacted(webhookSecret)
                + ", apiBase=" + apiBase + ", prices=" + prices + "]";
    }

    private static String redacted(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }
}
