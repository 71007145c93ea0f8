package io.dinechat.order.catalog.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Everything a guest may be told about a business: the source of the catalog snapshot and of order validation. */
public record Catalog(Business business, List<Branch> branches, List<OpeningHours> openingHours,
        List<HourOverride> hourOverrides, List<Policy> policies, List<Menu> menus) {

    public Catalog {
        Objects.requireNonNull(business, "business");
        branches = List.copyOf(branches);
        openingHours = List.copyOf(openingHours);
        hourOverrides = hourOverrides == null ? List.of() : List.copyOf(hourOverrides);
        policies = List.copyOf(policies);
        menus = List.copyOf(menus);
    }

    public Catalog(Business business, List<Branch> branches, List<OpeningHours> openingHours, List<Policy> policies,
            List<Menu> menus) {
        this(business, branches, openingHours, List.of(), policies, menus);
    }

    public Optional<Branch> branch(UUID branchId) {
        return branches.stream().filter(b -> b.id().equals(branchId)).findFirst();
    }

    /** The menus a branch serves. */
    public List<Menu> menusOf(UUID branchId) {
        return menus.stream().filter(m -> m.branchIds().contains(branchId)).toList();
    }

    /** The hours that apply to a branch: its own weekly hours and overrides where it has them, else the business's. */
    public BranchHours hoursOf(UUID branchId) {
        return BranchHours.of(business.zone(), branchId, openingHours, hourOverrides);
    }
}
