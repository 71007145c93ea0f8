package io.dinechat.conversation.dialog;

import io.dinechat.conversation.understanding.Slots;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where a conversation stands, persisted after every turn and every answer from another service,
 * so a restart at any point resumes it. Pure data: {@link DialogPolicy} moves it.
 *
 * @param task         what the guest is doing now (null: nothing in progress)
 * @param stage        how far the task is
 * @param slots        the details gathered so far (merged over turns)
 * @param asked        the detail asked for last, so a bare answer ("4", "Amira") lands in it
 * @param alternatives nearest bookable times offered, picked by button or by typing a time
 * @param bookings     the guest's bookings found by a lookup, when they must pick one
 * @param quote        the validated order summary the guest is confirming
 * @param pendingCommandId the command whose answer the dialog waits for; any other answer is stale
 * @param pendingSince when that command went out (a dependency that never answers escalates)
 * @param stashed      a request made before the branch was chosen, resumed after the choice
 * @param unresolved   consecutive turns the assistant did not understand
 */
public record DialogState(Task task, Stage stage, Slots slots, Slot asked, List<LocalDateTime> alternatives,
        List<Booking> bookings, Quote quote, UUID pendingCommandId, String pendingSince, Slots stashed,
        int unresolved, GuestLocation location) {

    /** A state without a shared location (every fresh state). */
    public DialogState(Task task, Stage stage, Slots slots, Slot asked, List<LocalDateTime> alternatives,
            List<Booking> bookings, Quote quote, UUID pendingCommandId, String pendingSince, Slots stashed,
            int unresolved) {
        this(task, stage, slots, asked, alternatives, bookings, quote, pendingCommandId, pendingSince, stashed,
                unresolved, null);
    }

    /** A location pin the guest shared (WhatsApp location message): where a delivery goes. */
    public record GuestLocation(double latitude, double longitude, String label) {
    }

    public DialogState {
        stage = stage == null ? Stage.IDLE : stage;
        slots = slots == null ? Slots.none() : slots;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        bookings = bookings == null ? List.of() : List.copyOf(bookings);
    }

    public static DialogState idle() {
        return new DialogState(null, Stage.IDLE, Slots.none(), null, List.of(), List.of(), null, null, null, null, 0);
    }

    public enum Task { BOOK, MODIFY, CANCEL, ORDER, ORDER_STATUS }

    public enum Stage {
        IDLE,
        /** Asking for missing details one at a time. */
        COLLECTING,
        /** A command is out; the answer resumes the dialog. */
        AWAITING,
        /** A validated summary is shown with confirm/cancel buttons; nothing is committed yet. */
        CONFIRMING,
        /** The business number serves several branches: the guest picks one first. */
        CHOOSING_BRANCH,
        /** Several bookings: the guest picks which one to change or cancel. */
        CHOOSING_BOOKING
    }

    /** OPTION: a choice the catalog requires for an ordered item (a pizza's size), asked before the quote. */
    public enum Slot { DATE, TIME, PARTY_SIZE, NAME, ITEMS, FULFILMENT, ADDRESS, LOCATION, CHANGE, BRANCH, OPTION }

    /** A booking of this guest, as reservation-service reported it. */
    public record Booking(String reference, LocalDateTime startsAt, int partySize, String status) {
    }

    DialogState with(Stage newStage) {
        return new DialogState(task, newStage, slots, asked, alternatives, bookings, quote, pendingCommandId,
                pendingSince, stashed, unresolved, location);
    }

    DialogState withSlots(Slots newSlots) {
        return new DialogState(task, stage, newSlots, asked, alternatives, bookings, quote, pendingCommandId,
                pendingSince, stashed, unresolved, location);
    }

    DialogState asking(Slot slot) {
        return new DialogState(task, Stage.COLLECTING, slots, slot, alternatives, bookings, quote, null, null, stashed,
                0, location);
    }

    DialogState awaiting(UUID commandId, String since) {
        return new DialogState(task, Stage.AWAITING, slots, null, alternatives, bookings, quote, commandId, since,
                stashed, 0, location);
    }

    DialogState confirming(Quote newQuote) {
        return new DialogState(task, Stage.CONFIRMING, slots, null, List.of(), bookings, newQuote, null, null, stashed,
                0, location);
    }

    DialogState offering(List<LocalDateTime> times) {
        return new DialogState(task, Stage.COLLECTING, slots, Slot.TIME, times, bookings, quote, null, null, stashed,
                0, location);
    }

    DialogState choosingBooking(List<Booking> found) {
        return new DialogState(task, Stage.CHOOSING_BOOKING, slots, null, List.of(), found, quote, null, null, stashed,
                0, location);
    }

    DialogState withUnresolved(int count) {
        return new DialogState(task, stage, slots, asked, alternatives, bookings, quote, pendingCommandId, pendingSince,
                stashed, count, location);
    }

    DialogState withLocation(GuestLocation pin) {
        return new DialogState(task, stage, slots, asked, alternatives, bookings, quote, pendingCommandId, pendingSince,
                stashed, unresolved, pin);
    }

    /** Back to idle; nothing carried over into the next request. */
    DialogState done() {
        return idle();
    }

    static DialogState start(Task task, Slots slots) {
        return new DialogState(task, Stage.COLLECTING, slots, null, List.of(), List.of(), null, null, null, null, 0);
    }

    static DialogState choosingBranch(Task task, Slots stashed) {
        return new DialogState(task, Stage.CHOOSING_BRANCH, Slots.none(), Slot.BRANCH, List.of(), List.of(), null, null,
                null, stashed, 0);
    }
}
