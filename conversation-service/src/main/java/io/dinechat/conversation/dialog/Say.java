package io.dinechat.conversation.dialog;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Slots;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the assistant means to tell the guest, before it is worded in their language
 * ({@link Wording}). Every fact in it comes from validated data: the catalog, or another service's answer.
 */
public sealed interface Say {

    record Ask(DialogState.Slot slot, List<String> choices) implements Say {
        public Ask {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    record ChooseBranch(List<CatalogFacts.Branch> branches) implements Say {
    }

    /** A choice the catalog requires for an ordered item ("Size" of a Margherita), offered as buttons or a list. */
    record ChooseOption(String itemName, CatalogFacts.OptionGroup group) implements Say {
    }

    record Alternatives(List<LocalDateTime> times) implements Say {
    }

    record NoAvailability(LocalDate date) implements Say {
    }

    record BookingSummary(LocalDateTime startsAt, int partySize, String name) implements Say {
    }

    record Booked(String reference, LocalDateTime startsAt, int partySize, boolean pending) implements Say {
    }

    record ModifySummary(String reference, LocalDateTime startsAt, Integer partySize) implements Say {
    }

    record Modified(String reference, LocalDateTime startsAt, int partySize) implements Say {
    }

    record CancelSummary(String reference) implements Say {
    }

    record Cancelled(String reference) implements Say {
    }

    record ChooseBooking(List<DialogState.Booking> bookings) implements Say {
    }

    /** A reservation request refused: NOT_OWNER, NOT_FOUND, PARTY_TOO_LARGE, TOO_SOON, CLOSED... */
    record Refused(String code) implements Say {
    }

    record OrderSummary(Quote quote) implements Say {
    }

    record OrderPlaced(String reference, Quote quote, String estimatedReadyAt) implements Say {
    }

    record OrderProblem(List<String> codes, List<String> itemNames) implements Say {
    }

    record OrderStatuses(List<ServiceAnswer.OrderSummary> orders) implements Say {
    }

    /** A question about menu, prices, hours or policies, answered from the catalog only. */
    record Info(Intent intent, Slots slots, String text) implements Say {
    }

    record Simple(Kind kind) implements Say {
    }

    enum Kind {
        GREETING, WELCOME, NOT_UNDERSTOOD, DROPPED, STILL_WORKING, HANDING_OVER, PLEASE_TYPE, NO_BOOKINGS,
        INVALID_PARTY, DATE_IN_PAST, ANYTHING_ELSE, REENGAGE
    }

    static Say simple(Kind kind) {
        return new Simple(kind);
    }
}
