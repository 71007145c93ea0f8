package io.dinechat.billing.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a business pays for. Trial is where every business starts; premium opens analytics and more. */
public enum Plan {
    TRIAL, STANDARD, PREMIUM;

    /** The word on the wire and in the database: {@code trial}, {@code standard}, {@code premium}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Plan> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    /** Plans bought through Stripe; the trial has no price. */
    public boolean isPaid() {
        return this != TRIAL;
    }
}
