package io.dinechat.reservation.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How a branch takes bookings.
 *
 * @param slotMinutes            bookable start times fall on this grid from opening time
 * @param bufferMinutes          resetting time after a seating, during which the table stays held
 * @param turnTimes              how long a party keeps its table, by party size
 * @param maxCoversPerSlot       guests arriving in one slot across all tables (the kitchen's limit), or null
 * @param leadTimeMinutes        how far ahead of a seating a booking must be made
 * @param maxDaysAhead           how many days ahead guests may book
 * @param maxPartySize           the largest party taken online; larger ones go to staff
 * @param approvalAbovePartySize parties larger than this are pending until staff approve, or null
 * @param blackoutDates          days without bookings (private events, holidays)
 */
public record BookingRules(int slotMinutes, int bufferMinutes, List<TurnTime> turnTimes, Integer maxCoversPerSlot,
        int leadTimeMinutes, int maxDaysAhead, int maxPartySize, Integer approvalAbovePartySize,
        Set<LocalDate> blackoutDates) {

    /** Parties up to {@code upToPartySize} (null: any size) keep their table for {@code minutes}. */
    public record TurnTime(Integer upToPartySize, int minutes) {
    }

    public BookingRules {
        if (slotMinutes <= 0 || bufferMinutes < 0 || leadTimeMinutes < 0 || maxDaysAhead < 0 || maxPartySize <= 0) {
            throw new IllegalArgumentException("booking rules out of range");
        }
        turnTimes = turnTimes.stream()
                .sorted(Comparator.comparing(TurnTime::upToPartySize, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (turnTimes.isEmpty()) {
            throw new IllegalArgumentException("at least one turn time is needed");
        }
        blackoutDates = Set.copyOf(blackoutDates);
    }

    public static BookingRules defaults() {
        return new BookingRules(15, 15, List.of(new TurnTime(2, 90), new TurnTime(4, 120), new TurnTime(null, 150)),
                null, 60, 60, 12, null, Set.of());
    }

    public Duration turnTime(int partySize) {
        for (TurnTime t : turnTimes) {
            if (t.upToPartySize() == null || partySize <= t.upToPartySize()) {
                return Duration.ofMinutes(t.minutes());
            }
        }
        // Larger than every bound: the longest listed turn.
        return Duration.ofMinutes(turnTimes.getLast().minutes());
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }

    public boolean needsApproval(int partySize) {
        return approvalAbovePartySize != null && partySize > approvalAbovePartySize;
    }
}
