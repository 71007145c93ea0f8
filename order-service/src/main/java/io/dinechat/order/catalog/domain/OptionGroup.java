package io.dinechat.order.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A choice a guest makes about an item (size, add-ons, extras) and the options it offers.
 *
 * @param kind       size, addon, extra or other
 * @param required   the guest must choose at least one ({@code minChoices} is then at least 1)
 * @param minChoices fewest options the guest picks from this group
 * @param maxChoices most options the guest picks from this group
 */
public record OptionGroup(UUID id, String name, String kind, boolean required, int minChoices, int maxChoices,
        List<ItemOption> options) {

    public static final Set<String> KINDS = Set.of("size", "addon", "extra", "other");

    public OptionGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown option group kind " + kind);
        }
        if (required && minChoices < 1) {
            minChoices = 1; // a required group with no minimum would let the guest skip it
        }
        if (minChoices < 0 || maxChoices < 1 || minChoices > maxChoices) {
            throw new IllegalArgumentException("choices must satisfy 0 <= min <= max, max >= 1: " + minChoices + ".."
                    + maxChoices);
        }
        options = options == null ? List.of() : List.copyOf(options);
    }
}
