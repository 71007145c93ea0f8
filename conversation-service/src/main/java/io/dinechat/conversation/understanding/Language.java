package io.dinechat.conversation.understanding;

import java.util.Locale;
import java.util.Optional;

/**
 * The four ways guests write: English, French, Arabic in Arabic script, and Arabizi (Lebanese Arabic
 * in Latin letters with digits for sounds, "kifak", "bukra", "7abibi"). Detected per message and
 * stored with the conversation; replies follow it.
 */
public enum Language {
    ENGLISH, FRENCH, ARABIC, ARABIZI;

    /** The word used on the wire everywhere (catalog snapshot's defaultLanguage, commands, events). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for a wire name ("english", "arabizi"…), case-insensitive; empty when unknown. */
    public static Optional<Language> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.wireName().equalsIgnoreCase(wireName.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
