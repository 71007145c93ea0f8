package io.dinechat.reservation.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What reservations need from a business's catalog: its name, time zone, branches, and the hours
 * of each branch (a branch without hours of its own keeps the business-wide ones).
 */
public record Restaurant(String name, ZoneId zone, List<UUID> branchIds, OpeningHours businessHours,
        Map<UUID, OpeningHours> branchHours) {

    public Restaurant {
        branchIds = List.copyOf(branchIds);
        branchHours = Map.copyOf(branchHours);
    }

    /** A business whose catalog has not arrived yet: nothing is bookable. */
    public static Restaurant unknown() {
        return new Restaurant("", ZoneId.of("UTC"), List.of(), OpeningHours.closed(ZoneId.of("UTC")), Map.of());
    }

    /** The branch a request means: the one it names, else the business's first branch. */
    public UUID resolveBranch(UUID requested) {
        if (requested != null) {
            return requested;
        }
        return branchIds.isEmpty() ? null : branchIds.getFirst();
    }

    public OpeningHours hoursOf(UUID branchId) {
        return branchHours.getOrDefault(branchId, businessHours);
    }
}
