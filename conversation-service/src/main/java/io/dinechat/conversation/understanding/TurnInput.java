package io.dinechat.conversation.understanding;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One turn handed to an engine: the guest's text (coalesced messages joined by newlines, or a voice
 * transcript), the conversation's language so far (null for a first message; the fallback when this
 * text is unclear, like "ok" or "4"), the tenant's catalog, and "today" in the business's zone so
 * "tomorrow" and "friday" resolve deterministically.
 */
public record TurnInput(String text, Language previousLanguage, CatalogFacts catalog, LocalDate today, ZoneId zone) {

    public TurnInput {
        text = text == null ? "" : text;
        catalog = catalog == null ? CatalogFacts.empty() : catalog;
    }
}
