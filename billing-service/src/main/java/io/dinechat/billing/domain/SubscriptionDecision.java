package io.dinechat.billing.domain;

/** What a subscription's current state means for a business's plan. */
public sealed interface SubscriptionDecision {

    /**
     * The plan follows the subscription.
     *
     * @param account    the account afterwards (the same values when nothing changed)
     * @param superseded an older subscription this one replaces, which should be cancelled at Stripe; or null
     */
    record Follow(BillingAccount account, String superseded) implements SubscriptionDecision {
    }

    /** The subscription does not (or no longer) decide the plan; the reason goes to the event log. */
    record Ignore(String reason) implements SubscriptionDecision {
    }
}
