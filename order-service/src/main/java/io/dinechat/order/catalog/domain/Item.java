package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something guests can order.
 *
 * @param price        in the business's currency, two decimals
 * @param availability available, out_of_stock (listed, not orderable) or hidden (never shown to guests)
 */
public record Item(UUID id, String name, String description, BigDecimal price, String availability, List<String> tags,
        List<String> allergens, boolean featured, int sortOrder) {

    public static final String AVAILABLE = "available";
    public static final String OUT_OF_STOCK = "out_of_stock";
    public static final String HIDDEN = "hidden";
    public static final Set<String> AVAILABILITIES = Set.of(AVAILABLE, OUT_OF_STOCK, HIDDEN);

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative");
        }
        if (price.scale() > 2 && price.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a price has at most two decimals: " + price);
        }
        price = price.setScale(2);
        if (!AVAILABILITIES.contains(availability)) {
            throw new IllegalArgumentException("unknown availability " + availability);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        allergens = allergens == null ? List.of() : List.copyOf(allergens);
    }

    /** Hidden items are for staff only: they never reach a guest, nor the snapshot. */
    public boolean visibleToGuests() {
        return !HIDDEN.equals(availability);
    }
}
