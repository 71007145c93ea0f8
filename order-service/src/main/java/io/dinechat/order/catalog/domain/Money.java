package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of the business's currency: two decimals, never binary floating point. */
public final class Money {

    private Money() {
    }

    /** The amount with two decimals; refuses more precision and, unless allowed, negative amounts. */
    public static BigDecimal of(BigDecimal amount, boolean negativeAllowed) {
        if (amount == null) {
            return null;
        }
        if (!negativeAllowed && amount.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + amount);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Rounds a computed amount (a per-km fee) to cents, half up as a till does. */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
