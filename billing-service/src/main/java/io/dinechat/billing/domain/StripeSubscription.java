package io.dinechat.billing.domain;

import java.time.Instant;

/**
 * A Stripe subscription as Stripe holds it right now (retrieved, not taken from an event), the
 * only input that may change a plan.
 *
 * @param created          when Stripe created it; a newer subscription replaces an older one
 * @param currentPeriodEnd end of the period paid for, or null when Stripe reported none
 */
public record StripeSubscription(String id, String customerId, String status, String priceId, Instant created,
        Instant currentPeriodEnd) {
}
