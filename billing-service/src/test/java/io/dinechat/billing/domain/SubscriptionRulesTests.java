package io.dinechat.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTests {

    static final PlanPrices PRICES = new PlanPrices("price_std", "price_prem");
    static final SubscriptionRules RULES = new SubscriptionRules(PRICES, Duration.ofDays(7));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final BillingAccount CUSTOMER = BillingAccount.trial(UUID.randomUUID()).withCustomer("cus_1");

    static StripeSubscription sub(String id, String status, String price, Instant created) {
        return new StripeSubscription(id, "cus_1", status, price, created, created.plus(Duration.ofDays(30)));
    }

    static BillingAccount followed(SubscriptionDecision decision) {
        assertThat(decision).isInstanceOf(SubscriptionDecision.Follow.class);
        return ((SubscriptionDecision.Follow) decision).account();
    }

    @Test
    void anActivePremiumSubscriptionOpensPremiumFeatures() {
        BillingAccount account = followed(RULES.apply(CUSTOMER, sub("sub_1", "active", "price_prem", NOW), NOW));

        assertThat(account.plan()).isEqualTo(Plan.PREMIUM);
        assertThat(account.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(account.premiumFeatures()).isTrue();
        assertThat(account.differsForConsumersFrom(CUSTOMER)).isTrue();
    }

    @Test
    void pastDueKeepsPremiumUntilTheGraceEndsAndKeepsTheFirstGraceDeadline() {
        BillingAccount active = followed(RULES.apply(CUSTOMER, sub("sub_1", "active", "price_prem", NOW), NOW));
        BillingAccount pastDue = followed(RULES.apply(active, sub("sub_1", "past_due", "price_prem", NOW), NOW));
        BillingAccount stillPastDue = followed(RULES.apply(pastDue, sub("sub_1", "past_due", "price_prem", NOW),
                NOW.plus(Duration.ofDays(3))));

        assertThat(pastDue.graceUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(pastDue.premiumFeatures()).isTrue();
        assertThat(stillPastDue.graceUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(stillPastDue.premiumFeaturesAt(NOW.plus(Duration.ofDays(7)))).isFalse();
        assertThat(pastDue.premiumFeaturesAt(NOW.plus(Duration.ofDays(6)))).isTrue();
    }

    @Test
    void standardNeverOpensPremiumFeaturesAndCanceledClosesThem() {
        BillingAccount standard = followed(RULES.apply(CUSTOMER, sub("sub_1", "active", "price_std", NOW), NOW));
        BillingAccount canceled = followed(RULES.apply(
                followed(RULES.apply(CUSTOMER, sub("sub_2", "active", "price_prem", NOW), NOW)),
                sub("sub_2", "canceled", "price_prem", NOW), NOW));

        assertThat(standard.premiumFeatures()).isFalse();
        assertThat(canceled.status()).isEqualTo(PlanStatus.CANCELED);
        assertThat(canceled.premiumFeatures()).isFalse();
    }

    @Test
    void anOlderSubscriptionNeverReplacesANewerOneAndANewerOneReplacesTheOlder() {
        BillingAccount onNew = followed(RULES.apply(CUSTOMER, sub("sub_new", "active", "price_prem", NOW), NOW));

        SubscriptionDecision old = RULES.apply(onNew, sub("sub_old", "active", "price_std", NOW.minusSeconds(60)), NOW);
        SubscriptionDecision replacing = RULES.apply(onNew, sub("sub_newer", "active", "price_std", NOW.plusSeconds(60)), NOW);

        assertThat(old).isInstanceOf(SubscriptionDecision.Ignore.class);
        assertThat(((SubscriptionDecision.Follow) replacing).superseded()).isEqualTo("sub_new");
    }

    @Test
    void incompleteUnknownPricesAndOtherCustomersChangeNothing() {
        assertThat(RULES.apply(CUSTOMER, sub("sub_1", "incomplete", "price_prem", NOW), NOW))
                .isInstanceOf(SubscriptionDecision.Ignore.class);
        assertThat(RULES.apply(CUSTOMER, sub("sub_1", "active", "price_gold", NOW), NOW))
                .isInstanceOf(SubscriptionDecision.Ignore.class);
        assertThat(RULES.apply(CUSTOMER, new StripeSubscription("sub_1", "cus_other", "active", "price_prem", NOW, NOW), NOW))
                .isInstanceOf(SubscriptionDecision.Ignore.class);
    }

    @Test
    void moneyIsADecimalStringInTheCurrencysMinorUnits() {
        assertThat(Money.decimal(4900, "eur")).isEqualTo("49.00");
        assertThat(Money.decimal(1500, "jpy")).isEqualTo("1500");
        assertThat(Money.decimal(12345, "kwd")).isEqualTo("12.345");
    }
}
