package io.dinechat.billing.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a business's plan stands, in the words of the billing.events.v1 contract. */
public enum PlanStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /**
     * Stripe's subscription status in ours. {@code incomplete} (the first payment has not gone
     * through yet) maps to nothing: it must not change a plan. {@code unpaid} and {@code paused}
     * count as past due, so the grace period decides when features close.
     */
    public static Optional<PlanStatus> fromStripe(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "active" -> Optional.of(ACTIVE);
            case "trialing" -> Optional.of(TRIALING);
            case "past_due", "unpaid", "paused" -> Optional.of(PAST_DUE);
            case "canceled", "incomplete_expired" -> Optional.of(CANCELED);
            default -> Optional.empty();
        };
    }
}
