package io.dinechat.order.catalog.domain;

import java.util.List;
import java.util.Objects;

/** Everything a guest may be told about a business: the source of the catalog snapshot. */
public record Catalog(Business business, List<Branch> branches, List<OpeningHours> openingHours,
        List<Policy> policies, List<Menu> menus) {

    public Catalog {
        Objects.requireNonNull(business, "business");
        branches = List.copyOf(branches);
        openingHours = List.copyOf(openingHours);
        policies = List.copyOf(policies);
        menus = List.copyOf(menus);
    }
}
