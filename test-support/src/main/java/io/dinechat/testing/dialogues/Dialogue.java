package io.dinechat.testing.dialogues;

import java.util.List;

/**
 * One scripted guest conversation of the assistant's evaluation corpus and what must come of it.
 *
 * @param id       unique in the corpus, e.g. {@code en-07-book-alternatives}
 * @param language the language the guest writes in: english, french, arabic or arabizi
 * @param topic    what the dialogue exercises (booking, change, order, handoff, abuse...)
 * @param name     the guest's WhatsApp profile name
 * @param given    a booking made before the dialogue starts (by this guest or by a stranger), or null
 * @param steps    what the guest does, in order
 * @param expect   the outcome that counts as success
 * @param withoutTranscriber the outcome when no speech-to-text is configured (voice-note dialogues only)
 * @param needs    a condition on the calendar ("tomorrow-open"), or null
 */
public record Dialogue(String id, String language, String topic, String name, GivenBooking given, List<Step> steps,
        Expectation expect, Expectation withoutTranscriber, String needs) {

    public boolean hasVoice() {
        return steps.stream().anyMatch(s -> s instanceof Step.Voice);
    }

    /** A booking that exists before the dialogue: made through the assistant by {@code self} or a {@code stranger}. */
    public record GivenBooking(int party, String time, String by) {

        public boolean byStranger() {
            return "stranger".equals(by);
        }
    }

    /** What the guest does. */
    public sealed interface Step {

        /** Writes a text message; {@code {day}} and {@code {ref}} are filled in by the runner. */
        record Say(String text) implements Step {
        }

        /** Taps a reply button or list row the assistant offered: an exact id, or a prefix ending in {@code *}. */
        record Tap(String choice) implements Step {
        }

        /** Sends a voice note whose words are {@code transcript}. */
        record Voice(String transcript) implements Step {
        }

        /** Shares a location pin, as WhatsApp's attach → location does. */
        record Location(double latitude, double longitude, String name, String address) implements Step {
        }
    }

    /**
     * What must have happened once the dialogue is over; unset fields are not checked.
     *
     * @param booked    a reservation.booked for this guest with these details
     * @param modified  a reservation.modified with these details
     * @param cancelled true: a reservation.cancelled of the given booking
     * @param refused   a reservation.rejected / order.rejected with this reason code
     * @param ordered   an order.placed with these lines, fulfilment and total
     * @param handoff   true: the conversation was escalated to a person
     * @param committed "nothing": no booking, change, cancellation or order was made
     * @param mentions  words some reply of the dialogue contains (case-insensitive)
     */
    public record Expectation(Booking booked, Booking modified, Boolean cancelled, String refused, Order ordered,
            Boolean handoff, String committed, List<String> mentions) {
    }

    /** {@code date}: "day" (the runner's chosen weekday), "tomorrow", or an ISO date. */
    public record Booking(Integer party, String date, String time) {
    }

    /** {@code lines}: "2x Margherita [Large (40 cm), Extra burrata]"; total as a decimal string. */
    public record Order(String fulfilment, List<String> lines, String total) {
    }
}
