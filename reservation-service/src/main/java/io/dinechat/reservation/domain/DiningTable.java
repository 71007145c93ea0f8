package io.dinechat.reservation.domain;

import java.util.UUID;

/**
 * A table on the floor. Tables that are combinable and share a combination group can be pushed
 * together for a party none of them seats alone.
 */
public record DiningTable(UUID id, UUID areaId, String label, int seatsMin, int seatsMax, boolean combinable,
        String combinationGroup) {

    public boolean seats(int partySize) {
        return partySize >= seatsMin && partySize <= seatsMax;
    }

    public boolean joinableWith(DiningTable other) {
        return combinable && other.combinable && combinationGroup != null
                && combinationGroup.equals(other.combinationGroup);
    }
}
