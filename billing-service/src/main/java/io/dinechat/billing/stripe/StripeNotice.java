package io.dinechat.billing.stripe;

import io.dinechat.billing.domain.Invoice;

/**
 * A verified Stripe event, reduced to what billing-service acts on. Subscription state is never
 * taken from here (see {@code SubscriptionRules}): only which subscription to look at.
 */
public sealed interface StripeNotice {

    String eventId();

    String type();

    /** {@code checkout.session.completed}: the owner paid on Stripe's checkout page. */
    record CheckoutCompleted(String eventId, String type, String customerId, String subscriptionId,
            String clientReferenceId) implements StripeNotice {
    }

    /** {@code customer.subscription.created|updated|deleted}. */
    record SubscriptionChanged(String eventId, String type, String customerId, String subscriptionId)
            implements StripeNotice {
    }

    /** {@code invoice.paid} and {@code invoice.payment_failed}. */
    record InvoiceSettled(String eventId, String type, String customerId, Invoice invoice) implements StripeNotice {
    }

    /** Any other type: acknowledged and recorded, nothing else. */
    record Other(String eventId, String type) implements StripeNotice {
    }
}
