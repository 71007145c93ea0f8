package io.dinechat.order.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A menu and the branches that serve it.
 *
 * @param shared    meant for several branches; which ones is still said by {@code branchIds}
 * @param branchIds the branches serving this menu
 * @param items     in display order
 */
public record Menu(UUID id, String name, String description, boolean shared, List<UUID> branchIds, List<Item> items) {

    public Menu {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        branchIds = branchIds == null ? List.of() : List.copyOf(branchIds);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
