package io.dinechat.billing.domain;

import java.util.Objects;
import java.util.Optional;

/** The Stripe price each paid plan subscribes to, from configuration; the only link between a price and a plan. */
public record PlanPrices(String standard, String premium) {

    public PlanPrices {
        standard = standard == null ? "" : standard;
        premium = premium == null ? "" : premium;
    }

    public Optional<String> priceOf(Plan plan) {
        String price = switch (plan) {
            case TRIAL -> "";
            case STANDARD -> standard;
            case PREMIUM -> premium;
        };
        return price.isBlank() ? Optional.empty() : Optional.of(price);
    }

    public Optional<Plan> planOf(String priceId) {
        if (priceId == null || priceId.isBlank()) {
            return Optional.empty();
        }
        if (Objects.equals(priceId, premium)) {
            return Optional.of(Plan.PREMIUM);
        }
        return Objects.equals(priceId, standard) ? Optional.of(Plan.STANDARD) : Optional.empty();
    }
}
