package io.dinechat.conversation.dialog;

import io.dinechat.conversation.understanding.Fulfilment;
import io.dinechat.conversation.understanding.OrderLine;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What the dialog asks another service to do (reservation.commands.v1, order.commands.v1). The
 * command id is the correlation the answer must echo.
 */
public sealed interface AssistantCommand {

    UUID commandId();

    record CheckAvailability(UUID commandId, LocalDate date, LocalTime time, int partySize) implements AssistantCommand {
    }

    record CreateReservation(UUID commandId, LocalDateTime startsAt, int partySize, String guestName,
            String specialRequests) implements AssistantCommand {
    }

    record ModifyReservation(UUID commandId, String reference, LocalDateTime startsAt, Integer partySize)
            implements AssistantCommand {
    }

    record CancelReservation(UUID commandId, String reference) implements AssistantCommand {
    }

    record LookupReservations(UUID commandId) implements AssistantCommand {
    }

    /** Quote validates and prices without creating anything; place commits the same order. */
    /** {@code latitude}/{@code longitude}: the location pin the guest shared for a delivery, else null. */
    record Order(UUID commandId, boolean place, String customerName, Fulfilment fulfilment, String address,
            Double latitude, Double longitude, List<OrderLine> items, String notes) implements AssistantCommand {
    }

    record OrderStatus(UUID commandId) implements AssistantCommand {
    }
}
