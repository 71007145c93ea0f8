package io.dinechat.billing.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Stripe's minor units as the decimal strings the contracts use ("49.00"). */
public final class Money {

    private Money() {
    }

    public static String decimal(long amountMinor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(amountMinor, digits).toPlainString();
    }
}
