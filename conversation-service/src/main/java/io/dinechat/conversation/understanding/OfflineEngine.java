package io.dinechat.conversation.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The engine that needs no model: keyword and pattern understanding of English, French, Arabic and
 * Arabizi, deterministic and fast (about 0.1 ms of CPU per message on a busy 2-core machine; no I/O,
 * no shared mutable state besides a small cache of menu indexes). It is the default where no model is configured and the
 * fallback when the model fails.
 *
 * <p>How the dialog policy should read its output: slots are what this message said (merge them into
 * the conversation's); matched menu items fill {@code slots.items} also for {@link Intent#PRICE} and
 * {@link Intent#MENU_QUESTION} (quantity 1 unless said), so the policy knows which item is asked
 * about; {@link Intent#OTHER} with slots is a continuation ("8pm", "for 4") of whatever the
 * conversation is doing; {@link Intent#DENY} with slots is a correction ("no, 9pm"). A message that
 * is only a number fills {@code partySize}: the policy may read it as a quantity instead when it
 * asked for one.
 */
public final class OfflineEngine implements UnderstandingEngine {

    public static final String NAME = "offline";

    private static final double CLEAR = 0.9;
    private static final double INFERRED = 0.7;
    private static final double CONTINUATION = 0.5;
    private static final double UNKNOWN = 0.2;

    @Override
    public Understanding understand(TurnInput input) {
        CatalogFacts catalog = input.catalog();
        MenuMatcher.Index menu = MenuMatcher.index(catalog);
        GuestText text = GuestText.of(input.text(), menu::knows, Lexicon::isVocabulary);
        Language previous = input.previousLanguage() != null ? input.previousLanguage() : catalog.defaultLanguage();
        Language language = LanguageDetector.detect(text, previous);
        LocalDate today = input.today() != null ? input.today()
                : LocalDate.now(input.zone() != null ? input.zone() : catalog.timeZone());

        Work work = new Work(text);
        String reference = SlotExtractor.reference(work);
        LocalDate date = WhenParser.date(work, today);
        LocalTime time = WhenParser.time(work);
        if (date == null && time != null) {
            date = WhenParser.date(work, today); // "8pm on friday": the date after the time
        }
        if (time != null && work.eveningAssumed) {
            time = WhenParser.withinHours(time, date, catalog);
        }
        MenuMatcher.Result items = MenuMatcher.match(work, menu);
        Integer partySize = SlotExtractor.partySize(work, language);
        boolean bareNumber = false;
        if (partySize == null && items.lines().isEmpty()) {
            partySize = SlotExtractor.bareNumber(work.current());
            bareNumber = partySize != null;
        }
        String name = SlotExtractor.name(work);
        Fulfilment fulfilment = SlotExtractor.fulfilment(text);
        String address = SlotExtractor.address(work);
        String branch = SlotExtractor.branchHint(text, catalog.branches());
        String special = SlotExtractor.specialRequest(text);

        Slots slots = new Slots(date, time, partySize, name, items.lines(), fulfilment, address, reference, branch,
                special);
        Scored intent = intent(text, slots, !items.ambiguous().isEmpty(), bareNumber);
        if (intent.intent() == Intent.POLICIES && slots.items().isEmpty()) {
            slots = slots.withAddress(null); // "do you deliver to Hamra?" asks, it gives no address
        }
        return new Understanding(language, intent.intent(), slots, intent.confidence(), NAME);
    }

    private record Scored(Intent intent, double confidence) {
    }

    private static Scored intent(GuestText text, Slots slots, boolean ambiguousItems, boolean bareNumber) {
        boolean items = !slots.items().isEmpty() || ambiguousItems;
        boolean question = text.folded.contains("?") || QUESTION.in(text);
        boolean bookingContext = Lexicon.BOOKING_WORDS.in(text) || slots.bookingReference() != null
                && slots.bookingReference().startsWith("R");
        boolean when = slots.date() != null || slots.time() != null || slots.partySize() != null && !bareNumber;

        if (Lexicon.HUMAN.in(text)) {
            return new Scored(Intent.HUMAN, CLEAR);
        }
        if (POLICY_WORDS.in(text)) {
            return new Scored(Intent.POLICIES, CLEAR); // "cancellation policy" asks, it cancels nothing
        }
        boolean content = when || items || slots.bookingReference() != null;
        if (startsWith(text, Lexicon.CONFIRM) && !content && !Lexicon.CANCEL.in(text) && !Lexicon.DENY.in(text)) {
            return new Scored(Intent.CONFIRM, CLEAR); // "yes, confirm the booking"
        }
        if (Lexicon.CANCEL.in(text)) {
            return new Scored(Intent.CANCEL_BOOKING, bookingContext ? CLEAR : INFERRED);
        }
        if (Lexicon.ORDER_STATUS.in(text) && !items) {
            return new Scored(Intent.ORDER_STATUS, CLEAR);
        }
        if (startsWith(text, Lexicon.DENY) && !Lexicon.NO_PROBLEM.in(text) && !items && !bookingContext) {
            return new Scored(Intent.DENY, CLEAR); // "no, 9pm instead": a correction of what was proposed
        }
        if (Lexicon.MODIFY.in(text) && !items && (bookingContext || when)) {
            return new Scored(Intent.MODIFY_BOOKING, bookingContext ? CLEAR : INFERRED);
        }
        if (Lexicon.PRICE.in(text)) {
            return new Scored(Intent.PRICE, CLEAR);
        }
        boolean book = Lexicon.BOOK.in(text);
        if (Lexicon.HOURS.in(text) && !book && !items) {
            return new Scored(Intent.HOURS, CLEAR);
        }
        if (Lexicon.POLICIES.in(text) && !items && !book) {
            return new Scored(Intent.POLICIES, CLEAR);
        }
        if (Lexicon.AVAILABILITY.in(text) && !items) {
            return new Scored(Intent.AVAILABILITY, CLEAR);
        }
        boolean order = Lexicon.ORDER.in(text);
        boolean want = Lexicon.WANT.in(text);
        if (items) {
            if (order || want || slots.fulfilment() != null || slots.address() != null) {
                return new Scored(Intent.ORDER, CLEAR);
            }
            if (question || Lexicon.MENU.in(text)) {
                return new Scored(Intent.MENU_QUESTION, CLEAR);
            }
            return new Scored(Intent.ORDER, INFERRED);
        }
        if (book) {
            return new Scored(Intent.BOOK, CLEAR);
        }
        if (Lexicon.MENU.in(text)) {
            return new Scored(Intent.MENU_QUESTION, CLEAR);
        }
        if (order || want && slots.fulfilment() != null) {
            return new Scored(Intent.ORDER, order ? CLEAR : INFERRED);
        }
        if (slots.partySize() != null && !bareNumber) {
            return new Scored(Intent.BOOK, INFERRED);
        }
        if (Lexicon.NO_PROBLEM.in(text)) {
            return new Scored(Intent.CONFIRM, CLEAR);
        }
        boolean deny = Lexicon.DENY.in(text) || text.spaced().equals(" la ");
        boolean confirm = Lexicon.CONFIRM.in(text);
        if (deny && (!confirm || startsWith(text, Lexicon.DENY))) {
            return new Scored(Intent.DENY, CLEAR);
        }
        if (confirm) {
            return new Scored(Intent.CONFIRM, CLEAR);
        }
        if (Lexicon.THANKS.in(text)) {
            return new Scored(Intent.THANKS, CLEAR);
        }
        if (Lexicon.GREETING.in(text)) {
            return new Scored(Intent.GREETING, CLEAR);
        }
        if (slots.fulfilment() != null) {
            return new Scored(Intent.ORDER, INFERRED);
        }
        boolean anySlot = !slots.isEmpty();
        return new Scored(Intent.OTHER, anySlot ? CONTINUATION : UNKNOWN);
    }

    private static final Cues POLICY_WORDS = new Cues("policy", "policies", "politique", "conditions d annulation",
            "cancellation fee", "frais d annulation", "سياسه", "شروط الالغاء", "siyese");

    private static final Cues QUESTION = new Cues("do you", "is there", "are there", "est ce", "avez vous",
            "vous avez", "y a t il", "what", "which", "shu", "chou", "fi", "3andkon", "هل", "عندكم", "عندكن", "في");

    private static boolean startsWith(GuestText text, Cues cues) {
        if (text.tokens.isEmpty()) {
            return false;
        }
        GuestText first = GuestText.raw(text.tokens.getFirst().text());
        return cues.in(first);
    }

    /** The items a text names, for callers that only need the menu match (same as {@link MenuMatcher#match}). */
    public static List<OrderLine> items(String text, CatalogFacts catalog) {
        return MenuMatcher.match(text, catalog).lines();
    }
}
