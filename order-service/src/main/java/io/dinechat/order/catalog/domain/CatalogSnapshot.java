package io.dinechat.order.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A business's whole catalog at one version, as published on {@code catalog.snapshots.v1}. Only
 * what guests may see is in it: hidden and deleted items, inactive menus and branches are left out.
 *
 * @param version grows by one with every snapshot of the business; consumers keep the highest
 */
public record CatalogSnapshot(long version, Instant publishedAt, Catalog catalog) {

    public CatalogSnapshot {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(catalog, "catalog");
        if (version < 1) {
            throw new IllegalArgumentException("snapshot versions start at 1");
        }
        List<Menu> guestMenus = catalog.menus().stream()
                .map(m -> new Menu(m.id(), m.name(), m.description(), m.shared(), m.branchIds(),
                        m.items().stream().filter(Item::visibleToGuests).toList()))
                .toList();
        catalog = new Catalog(catalog.business(), catalog.branches(), catalog.openingHours(), catalog.hourOverrides(),
                catalog.policies(),
                guestMenus);
    }

    public UUID tenantId() {
        return catalog.business().tenantId();
    }
}
