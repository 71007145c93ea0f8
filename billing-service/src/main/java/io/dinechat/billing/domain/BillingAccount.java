package io.dinechat.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One business's plan as billing-service holds it, and what its last plan event said.
 *
 * @param stripeCustomerId      Stripe's customer for this business, null until the first checkout or portal visit
 * @param graceUntil            while past due: when premium features close
 * @param subscriptionId        the Stripe subscription the plan follows, null on the trial
 * @param subscriptionCreatedAt Stripe's {@code created} of that subscription
 * @param premiumFeatures       what the last plan event told other services
 * @param version               version of the last plan event, 0 before the first
 */
public record BillingAccount(UUID tenantId, String stripeCustomerId, Plan plan, PlanStatus status,
        Instant currentPeriodEnd, Instant graceUntil, String subscriptionId, Instant subscriptionCreatedAt,
        boolean premiumFeatures, long version) {

    public BillingAccount {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
    }

    /** Where every business starts. */
    public static BillingAccount trial(UUID tenantId) {
        return new BillingAccount(tenantId, null, Plan.TRIAL, PlanStatus.TRIALING, null, null, null, null, false, 0);
    }

    /**
     * Premium features are open on premium while the subscription is active or trialing, and
     * while it is past due until the grace period ends.
     */
    public boolean premiumFeaturesAt(Instant now) {
        if (plan != Plan.PREMIUM) {
            return false;
        }
        return switch (status) {
            case ACTIVE, TRIALING -> true;
            case PAST_DUE -> graceUntil != null && now.isBefore(graceUntil);
            case CANCELED -> false;
        };
    }

    public BillingAccount withCustomer(String customerId) {
        return new BillingAccount(tenantId, customerId, plan, status, currentPeriodEnd, graceUntil, subscriptionId,
                subscriptionCreatedAt, premiumFeatures, version);
    }

    /** The same account with premium features re-evaluated at {@code now} (used when a grace period ends). */
    public BillingAccount reevaluatedAt(Instant now) {
        return new BillingAccount(tenantId, stripeCustomerId, plan, status, currentPeriodEnd, graceUntil, subscriptionId,
                subscriptionCreatedAt, premiumFeaturesAt(now), version);
    }

    /** True when other services would see a difference: the fields of the plan event. */
    public boolean differsForConsumersFrom(BillingAccount other) {
        return plan != other.plan || status != other.status || premiumFeatures != other.premiumFeatures
                || !Objects.equals(graceUntil, other.graceUntil) || !Objects.equals(currentPeriodEnd, other.currentPeriodEnd);
    }

    public BillingAccount nextVersion() {
        return new BillingAccount(tenantId, stripeCustomerId, plan, status, currentPeriodEnd, graceUntil, subscriptionId,
                subscriptionCreatedAt, premiumFeatures, version + 1);
    }
}
