package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One option of an {@link OptionGroup}: "Large", "Extra burrata".
 *
 * @param priceDelta added to the item's price for each unit ordered; may be negative (a smaller size), two decimals
 * @param available  an unavailable option is listed to staff but cannot be chosen
 */
public record ItemOption(UUID id, String name, BigDecimal priceDelta, boolean available) {

    public ItemOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        priceDelta = Money.of(priceDelta == null ? BigDecimal.ZERO : priceDelta, true);
    }
}
