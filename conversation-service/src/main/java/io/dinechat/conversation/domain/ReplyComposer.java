package io.dinechat.conversation.domain;

import io.dinechat.conversation.domain.RestaurantFacts.DailyHours;
import io.dinechat.conversation.domain.RestaurantFacts.MenuItem;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline understanding engine's first cut: recognises questions about the menu and opening
 * hours in English, French, Arabic and Arabizi, and answers only with the restaurant's own data.
 * Anything else gets an honest greeting that says what can be asked.
 */
public final class ReplyComposer {

    private static final int MENU_LINES = 8;
    private static final List<String> HOURS_WORDS = List.of("hour", "open", "close", "when", "horaire", "ouvert",
            "ferme", "heure", "ساعات", "مفتوح", "دوام", "بتفتحو", "btefta7o", "fete7", "sa3at", "dawem");
    private static final List<String> MENU_WORDS = List.of("menu", "carte", "eat", "food", "dish", "price", "plat",
            "manger", "prix", "منيو", "قائمة", "اكل", "أكل", "akl", "aklet", "menyu");

    private ReplyComposer() {
    }

    public static String compose(Optional<RestaurantFacts> known, String guestName, String text, Instant now) {
        if (known.isEmpty()) {
            return "Thank you for your message! The team will get back to you shortly.";
        }
        RestaurantFacts facts = known.get();
        String normalized = normalize(text);
        if (mentions(normalized, HOURS_WORDS)) {
            return hours(facts, now);
        }
        if (mentions(normalized, MENU_WORDS)) {
            return menu(facts);
        }
        String hello = guestName == null || guestName.isBlank() ? "Hello!" : "Hello " + guestName.strip() + "!";
        return hello + " Welcome to " + facts.businessName() + ". Ask me about our *menu* or our *opening hours*.";
    }

    static String hours(RestaurantFacts facts, Instant now) {
        DayOfWeek today = ZonedDateTime.ofInstant(now, facts.timeZone()).getDayOfWeek();
        String week = facts.openingHours().stream()
                .sorted(java.util.Comparator.comparing(DailyHours::day))
                .map(h -> (h.day() == today ? "*" : "") + h.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + (h.day() == today ? " (today)*" : "") + ": "
                        + (h.closed() ? "closed" : h.opens() + "–" + h.closes()))
                .collect(Collectors.joining("\n"));
        return week.isEmpty()
                ? facts.businessName() + " has not published its opening hours yet."
                : "Opening hours of " + facts.businessName() + ":\n" + week;
    }

    static String menu(RestaurantFacts facts) {
        List<MenuItem> available = facts.menu().stream().filter(MenuItem::available).toList();
        if (available.isEmpty()) {
            return facts.businessName() + " has no dishes available right now.";
        }
        String lines = available.stream().limit(MENU_LINES)
                .map(i -> "• " + i.name() + " — " + i.price().toPlainString() + " " + facts.currency())
                .collect(Collectors.joining("\n"));
        String more = available.size() > MENU_LINES ? "\n…and " + (available.size() - MENU_LINES) + " more." : "";
        return "Here is our menu at " + facts.businessName() + ":\n" + lines + more;
    }

    /** Latin keywords match the start of a word ("opening" for "open", not "reopen"); Arabic ones anywhere. */
    private static boolean mentions(String normalized, List<String> words) {
        List<String> tokens = List.of(normalized.split("[^\\p{L}\\p{N}]+"));
        return words.stream().anyMatch(word -> word.chars().allMatch(c -> c < 128)
                ? tokens.stream().anyMatch(token -> token.startsWith(word))
                : normalized.contains(word));
    }

    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Strip Latin accents ("fermé" → "ferme"); Arabic letters are unaffected.
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
