package io.dinechat.testing.dialogues;

import java.util.List;

/**
 * How the evaluation reaches the assistant as a guest would, and sees what the guest sees: through
 * Kafka and a Graph API stand-in inside one service's tests, or through the WhatsApp simulator and
 * the gateway in the local stack.
 */
public interface GuestChannel {

    /** The business number guests write to. */
    String phoneNumberId();

    void write(String waId, String name, String text);

    /** Taps a reply button ({@code list == false}) or a list row the assistant offered. */
    void tap(String waId, String name, AssistantReply.Choice choice, boolean list);

    /** Sends a voice note saying {@code transcript}. */
    void voice(String waId, String name, String transcript);

    void location(String waId, String name, double latitude, double longitude, String placeName, String address);

    /** Every message the assistant sent this guest so far, oldest first. */
    List<AssistantReply> repliesTo(String waId);

    /** Whether voice notes are transcribed in this setup (a speech-to-text endpoint is configured). */
    boolean transcribes();
}
