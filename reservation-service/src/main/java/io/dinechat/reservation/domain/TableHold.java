package io.dinechat.reservation.domain;

import java.time.Instant;
import java.util.UUID;

/** A table taken by a reservation over [from, to): the seating plus the buffer after it. */
public record TableHold(UUID reservationId, UUID tableId, Instant from, Instant to) {

    public boolean overlaps(Instant otherFrom, Instant otherTo) {
        return from.isBefore(otherTo) && otherFrom.isBefore(to);
    }
}
