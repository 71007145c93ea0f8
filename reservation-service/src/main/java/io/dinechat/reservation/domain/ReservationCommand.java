package io.dinechat.reservation.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What the assistant asks of reservations on {@code reservation.commands.v1}, on behalf of the
 * guest writing from {@code guestPhone}. Every command is answered exactly once per commandId.
 */
public sealed interface ReservationCommand {

    Common common();

    /** What every command carries. {@code branchId} is null when the business has one branch or the guest did not say. */
    record Common(UUID commandId, UUID tenantId, String conversationKey, String guestPhone, UUID branchId,
            String language) {
    }

    record CheckAvailability(Common common, LocalDate date, LocalTime time, int partySize) implements ReservationCommand {
    }

    record Create(Common common, LocalDateTime startsAt, int partySize, String guestName, String specialRequests)
            implements ReservationCommand {
    }

    /** Changes only what is given (null keeps the current value). */
    record Modify(Common common, String reference, LocalDateTime startsAt, Integer partySize, String specialRequests)
            implements ReservationCommand {
    }

    record Cancel(Common common, String reference, String reason) implements ReservationCommand {
    }

    record Lookup(Common common) implements ReservationCommand {
    }

    /** The word the rejected event uses for this command. */
    default String kind() {
        return switch (this) {
            case CheckAvailability a -> "availability";
            case Create c -> "create";
            case Modify m -> "modify";
            case Cancel c -> "cancel";
            case Lookup l -> "lookup";
        };
    }
}
