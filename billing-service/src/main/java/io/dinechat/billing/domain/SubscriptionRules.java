package io.dinechat.billing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * How a Stripe subscription's current state becomes a business's plan.
 *
 * <p>Stripe delivers webhooks at least once and in no particular order, so an event's arrival
 * says nothing about which state is newer. The plan is therefore never taken from an event's
 * payload: the service retrieves the subscription from Stripe while holding the business's row
 * lock and applies what Stripe says now. A late {@code customer.subscription.created} after an
 * {@code updated} (or a replayed {@code past_due}) then re-applies the current state and cannot
 * regress anything. Between two subscriptions of one business, the newer by Stripe's
 * {@code created} wins, so events of a replaced subscription never touch the plan again.
 */
public final class SubscriptionRules {

    private final PlanPrices prices;
    private final Duration gracePeriod;

    public SubscriptionRules(PlanPrices prices, Duration gracePeriod) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    public Duration gracePeriod() {
        return gracePeriod;
    }

    public SubscriptionDecision apply(BillingAccount account, StripeSubscription subscription, Instant at) {
        // PostgreSQL keeps microseconds: the instant published must be the one stored.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        if (account.stripeCustomerId() == null || !account.stripeCustomerId().equals(subscription.customerId())) {
            return new SubscriptionDecision.Ignore("subscription belongs to another customer");
        }
        Optional<PlanStatus> status = PlanStatus.fromStripe(subscription.status());
        if (status.isEmpty()) {
            return new SubscriptionDecision.Ignore("subscription is " + subscription.status());
        }
        Optional<Plan> plan = prices.planOf(subscription.priceId());
        if (plan.isEmpty()) {
            return new SubscriptionDecision.Ignore("price " + subscription.priceId() + " is not a configured plan");
        }
        String superseded = null;
        boolean sameSubscription = subscription.id().equals(account.subscriptionId());
        if (!sameSubscription && account.subscriptionId() != null) {
            boolean newer = account.subscriptionCreatedAt() == null
                    || subscription.created().isAfter(account.subscriptionCreatedAt());
            if (!newer) {
                return new SubscriptionDecision.Ignore("replaced by newer subscription " + account.subscriptionId());
            }
            if (status.get() == PlanStatus.CANCELED && account.status() != PlanStatus.CANCELED) {
                // A newer checkout that never got paid must not end the subscription that is paid.
                return new SubscriptionDecision.Ignore("newer subscription ended while " + account.subscriptionId()
                        + " is still live");
            }
            superseded = account.status() == PlanStatus.CANCELED ? null : account.subscriptionId();
        }
        PlanStatus next = status.get();
        Instant graceUntil = next != PlanStatus.PAST_DUE ? null
                : sameSubscription && account.status() == PlanStatus.PAST_DUE && account.graceUntil() != null
                        ? account.graceUntil()
                        : now.plus(gracePeriod);
        BillingAccount followed = new BillingAccount(account.tenantId(), account.stripeCustomerId(), plan.get(), next,
                subscription.currentPeriodEnd(), graceUntil, subscription.id(), subscription.created(),
                account.premiumFeatures(), account.version());
        return new SubscriptionDecision.Follow(followed.reevaluatedAt(now), superseded);
    }
}
