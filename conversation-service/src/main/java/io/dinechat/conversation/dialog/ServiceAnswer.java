package io.dinechat.conversation.dialog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** An answer of reservation-service or order-service to one of the dialog's commands. */
public sealed interface ServiceAnswer {

    UUID commandId();

    record Availability(UUID commandId, List<LocalDateTime> slots) implements ServiceAnswer {
    }

    record Booked(UUID commandId, String reference, LocalDateTime startsAt, int partySize, String status)
            implements ServiceAnswer {
    }

    record Modified(UUID commandId, String reference, LocalDateTime startsAt, int partySize) implements ServiceAnswer {
    }

    record Cancelled(UUID commandId, String reference) implements ServiceAnswer {
    }

    record LookedUp(UUID commandId, List<DialogState.Booking> bookings) implements ServiceAnswer {
    }

    /** reservation.rejected: codes like FULLY_BOOKED, NOT_OWNER, PROVIDER_UNAVAILABLE; nearest bookable times. */
    record ReservationRejected(UUID commandId, String command, List<String> codes, List<LocalDateTime> alternatives)
            implements ServiceAnswer {
    }

    record Quoted(UUID commandId, Quote quote) implements ServiceAnswer {
    }

    record Placed(UUID commandId, String reference, Quote quote, String estimatedReadyAt) implements ServiceAnswer {
    }

    /** order.rejected: codes like ITEM_UNAVAILABLE, OUT_OF_RADIUS, BRANCH_CLOSED; the items concerned. */
    record OrderRejected(UUID commandId, String command, List<String> codes, List<UUID> itemIds)
            implements ServiceAnswer {
    }

    record StatusAnswered(UUID commandId, List<OrderSummary> orders) implements ServiceAnswer {
    }

    record OrderSummary(String reference, String status, String total, String currency) {
    }
}
