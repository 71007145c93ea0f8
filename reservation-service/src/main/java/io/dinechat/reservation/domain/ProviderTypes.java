package io.dinechat.reservation.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The values every reservation provider (the built-in book, SevenRooms, ...) speaks in. */
public final class ProviderTypes {

    private ProviderTypes() {
    }

    /** Bookable times of a date for a party, optionally within a window of the day. */
    public record SlotSearch(UUID tenantId, UUID branchId, LocalDate date, LocalTime from, LocalTime to,
            int partySize) {
    }

    /** The slots found, or why there are none. */
    public record Availability(List<LocalDateTime> slots, List<Refusal> reasons) {
    }

    /**
     * A booking to make. {@code idempotencyKey} is ours (the command id): a provider that sees it
     * twice must not book twice.
     */
    public record BookingRequest(UUID tenantId, UUID branchId, UUID reservationId, String reference,
            String idempotencyKey, LocalDateTime startsAt, int partySize, String guestName, String guestPhone,
            String specialRequests, String language, String conversationKey) {
    }

    /** The full new state of a booking being changed. */
    public record BookingChange(LocalDateTime startsAt, int partySize, String specialRequests) {
    }

    /** What a provider answers to a create or modify. */
    public sealed interface BookingOutcome permits Booked, Declined {
    }

    /** Booked: {@code status} is confirmed, or pending where staff must approve. */
    public record Booked(String providerReservationId, String status) implements BookingOutcome {
    }

    public record Declined(Refusal reason, List<LocalDateTime> alternatives) implements BookingOutcome {
    }

    /** A booking as the provider holds it. */
    public record ProviderReservation(String providerReservationId, LocalDateTime startsAt, int partySize,
            String status, String guestName, String guestPhone) {
    }
}
