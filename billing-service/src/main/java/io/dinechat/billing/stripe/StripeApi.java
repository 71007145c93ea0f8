package io.dinechat.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.dinechat.billing.domain.StripeSubscription;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Stripe calls billing-service makes, through stripe-java (which blocks, so every call runs
 * on boundedElastic, never on an event loop). Card details never pass through here: Checkout and
 * the Customer Portal collect them on Stripe's own pages.
 */
public class StripeApi {

    private final StripeClient client;
    private final boolean configured;

    public StripeApi(StripeClient client, boolean configured) {
        this.client = client;
        this.configured = configured;
    }

    /**
     * Creates the business's Stripe customer. The idempotency key makes two racing first checkouts
     * of one business get the same customer instead of two.
     */
    public Mono<String> createCustomer(UUID tenantId, String name) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("tenant_id", tenantId.toString());
        if (name != null && !name.isBlank()) {
            params.setName(name);
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("dinechat-customer-" + tenantId).build();
        return call("create customer", () -> client.v1().customers().create(params.build(), options).getId());
    }

    /** A Checkout Session in subscription mode for one price; returns the URL to send the owner to. */
    public Mono<String> createCheckoutSession(UUID tenantId, String customerId, String priceId, String successUrl,
            String cancelUrl) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(tenantId.toString())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("tenant_id", tenantId.toString()).build())
                .putMetadata("tenant_id", tenantId.toString())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .build();
        return call("create checkout session", () -> client.v1().checkout().sessions().create(params).getUrl());
    }

    /** A Customer Portal session (cards, invoices, plan changes, cancellation on Stripe's pages). */
    public Mono<String> createPortalSession(String customerId, String returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId).setReturnUrl(returnUrl).build();
        return call("create portal session", () -> client.v1().billingPortal().sessions().create(params).getUrl());
    }

    /** The subscription as Stripe holds it now, whatever the event that made us ask said. */
    public Mono<StripeSubscription> retrieveSubscription(String subscriptionId) {
        return call("retrieve subscription", () -> toDomain(client.v1().subscriptions().retrieve(subscriptionId)));
    }

    /** Ends a subscription that a newer one replaced, so the business is not billed twice. */
    public Mono<Void> cancelSubscription(String subscriptionId) {
        return call("cancel subscription", () -> client.v1().subscriptions().cancel(subscriptionId)).then();
    }

    private static StripeSubscription toDomain(Subscription subscription) {
        SubscriptionItem item = subscription.getItems() == null || subscription.getItems().getData() == null
                || subscription.getItems().getData().isEmpty() ? null : subscription.getItems().getData().getFirst();
        String priceId = item == null || item.getPrice() == null ? null : item.getPrice().getId();
        // Since API version 2025-03-31 the billing period lives on the items, not the subscription.
        Long periodEnd = item == null ? null : item.getCurrentPeriodEnd();
        return new StripeSubscription(subscription.getId(), subscription.getCustomer(), subscription.getStatus(),
                priceId, Instant.ofEpochSecond(Objects.requireNonNullElse(subscription.getCreated(), 0L)),
                periodEnd == null ? null : Instant.ofEpochSecond(periodEnd));
    }

    private <T> Mono<T> call(String operation, Callable<T> call) {
        if (!configured) {
            return Mono.error(new StripeUnavailableException(
                    "Stripe is not configured (DINECHAT_STRIPE_API_KEY): cannot " + operation, null));
        }
        return Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(StripeException.class, e -> new StripeUnavailableException("Stripe refused to " + operation
                        + " (HTTP " + e.getStatusCode() + ", code " + e.getCode() + ")", e));
    }
}
