package io.dinechat.billing.domain;

import java.time.Instant;

/**
 * A Stripe invoice as kept in the business's billing records (6 years). Only what an accountant
 * needs and Stripe's links to its own copy: never a card detail.
 *
 * @param stripeId    Stripe's invoice id ({@code in_...})
 * @param status      Stripe's invoice status ({@code paid}, {@code open}, ...)
 * @param amountMinor what was paid ({@code paid}) or is due otherwise, in the currency's minor unit
 * @param currency    lowercase ISO 4217, as Stripe writes it
 */
public record Invoice(String stripeId, String number, String status, long amountMinor, String currency,
        Instant occurredAt, String hostedInvoiceUrl, String invoicePdf, String subscriptionId, Instant periodStart,
        Instant periodEnd) {

    public boolean paid() {
        return "paid".equals(status);
    }
}
