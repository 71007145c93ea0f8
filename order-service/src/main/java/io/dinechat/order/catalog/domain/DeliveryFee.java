package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;

/**
 * What a branch charges to deliver: {@code base}, plus {@code perKm} for each kilometre from the
 * branch when both ends have coordinates, nothing at all when the order's subtotal reaches
 * {@code freeAbove}.
 */
public record DeliveryFee(BigDecimal base, BigDecimal freeAbove, BigDecimal perKm) {

    public static final DeliveryFee FREE = new DeliveryFee(BigDecimal.ZERO, null, null);

    public DeliveryFee {
        base = Money.of(base == null ? BigDecimal.ZERO : base, false);
        freeAbove = Money.of(freeAbove, false);
        perKm = Money.of(perKm, false);
    }

    /** @param distanceKm null when unknown (no coordinates): then only the base fee applies */
    public BigDecimal forOrder(BigDecimal subtotal, Double distanceKm) {
        if (freeAbove != null && subtotal.compareTo(freeAbove) >= 0) {
            return Money.round(BigDecimal.ZERO);
        }
        BigDecimal fee = base;
        if (perKm != null && distanceKm != null) {
            fee = fee.add(perKm.multiply(BigDecimal.valueOf(distanceKm)));
        }
        return Money.round(fee);
    }
}
