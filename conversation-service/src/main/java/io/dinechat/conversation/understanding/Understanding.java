package io.dinechat.conversation.understanding;

/**
 * What an engine made of one turn: the same validated structure whichever engine produced it.
 *
 * @param confidence 0..1; the offline engine gives about 0.9 for a clear keyword match, lower for guesses
 * @param engine     "offline" or the LLM engine's name, recorded on conversation.events.v1
 */
public record Understanding(Language language, Intent intent, Slots slots, double confidence, String engine) {

    public Understanding {
        slots = slots == null ? Slots.none() : slots;
        intent = intent == null ? Intent.OTHER : intent;
    }
}
