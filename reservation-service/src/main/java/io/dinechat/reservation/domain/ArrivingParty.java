package io.dinechat.reservation.domain;

import java.time.Instant;
import java.util.UUID;

/** A booked party's arrival, counted against the covers a slot may take. */
public record ArrivingParty(UUID reservationId, Instant startsAt, int partySize) {
}
