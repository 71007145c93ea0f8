package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Something guests can order.
 *
 * @param price                  in the business's currency, two decimals
 * @param cost                   what it costs the business (staff only, never published), or null
 * @param availability           available, out_of_stock (listed, not orderable) or hidden (never shown to guests)
 * @param preparationTimeMinutes how long the kitchen needs, or null for the branch's average
 * @param imageUrl               where the object store serves the item's photo, or null
 * @param optionGroups           sizes, add-ons and extras the guest chooses from
 */
public record Item(UUID id, String name, String description, BigDecimal price, BigDecimal cost, String availability,
        List<String> tags, List<String> allergens, List<String> ingredients, boolean featured, int sortOrder,
        Integer preparationTimeMinutes, String imageUrl, List<OptionGroup> optionGroups) {

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
        cost = Money.of(cost, false);
        if (!AVAILABILITIES.contains(availability)) {
            throw new IllegalArgumentException("unknown availability " + availability);
        }
        if (preparationTimeMinutes != null && preparationTimeMinutes < 0) {
            throw new IllegalArgumentException("a preparation time cannot be negative");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        allergens = allergens == null ? List.of() : List.copyOf(allergens);
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        optionGroups = optionGroups == null ? List.of() : List.copyOf(optionGroups);
    }

    /** An item without cost, preparation time, photo or options. */
    public Item(UUID id, String name, String description, BigDecimal price, String availability, List<String> tags,
            List<String> allergens, boolean featured, int sortOrder) {
        this(id, name, description, price, null, availability, tags, allergens, List.of(), featured, sortOrder, null,
                null, List.of());
    }

    public Item withOptionGroups(List<OptionGroup> groups) {
        return new Item(id, name, description, price, cost, availability, tags, allergens, ingredients, featured,
                sortOrder, preparationTimeMinutes, imageUrl, groups);
    }

    /** Hidden items are for staff only: they never reach a guest, nor the snapshot. */
    public boolean visibleToGuests() {
        return !HIDDEN.equals(availability);
    }

    public boolean orderable() {
        return AVAILABLE.equals(availability);
    }

    public Optional<OptionGroup> groupOf(UUID optionId) {
        return optionGroups.stream().filter(g -> g.options().stream().anyMatch(o -> o.id().equals(optionId))).findFirst();
    }
}
