package io.dinechat.reservation.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A booking as DineChat keeps it, whichever provider holds the table. The guest's number is kept
 * so only that number can change or cancel it; the conversation so replies and reminders go back there.
 */
public record Reservation(UUID id, UUID tenantId, UUID branchId, String reference, String guestName,
        String guestPhone, int partySize, Instant startsAt, Instant endsAt, String status, String specialRequests,
        String conversationKey, String language, String provider, String providerReservationId, String timeZone,
        Instant createdAt) {

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String CANCELLED = "cancelled";
    public static final String NO_SHOW = "no_show";

    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(startsAt, zone());
    }

    public boolean isActive() {
        return PENDING.equals(status) || CONFIRMED.equals(status);
    }

    public boolean heldByBuiltInBook() {
        return provider == null;
    }
}
