package io.dinechat.conversation.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of words and phrases that signal something, matched on word boundaries of a
 * {@link GuestText}. Latin words ending in {@code *} match as prefixes ("reserv*"); Arabic words also
 * match behind the clitics guests glue to them (و، ب، ل، ال: "بالمنيو" has "منيو"), and Arabic words of
 * four letters or more anywhere inside a word.
 */
final class Cues {

    private static final List<String> ARABIC_PREFIXES = List.of("", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال",
            "ك", "وب", "ول", "عال", "ع");

    final Set<String> words = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> phrases = new ArrayList<>();
    private final List<String> arabicWords = new ArrayList<>();
    private final List<String> arabicPhrases = new ArrayList<>();

    Cues(String... cues) {
        for (String raw : cues) {
            String cue = GuestText.foldPhrase(raw).replaceAll("[^\\p{L}\\p{N}*]+", " ").strip();
            if (cue.isEmpty()) {
                continue;
            }
            boolean ascii = cue.chars().allMatch(c -> c < 128);
            boolean phrase = cue.contains(" ");
            if (!ascii) {
                (phrase ? arabicPhrases : arabicWords).add(cue);
            } else if (phrase) {
                phrases.add(" " + cue + " ");
            } else if (cue.endsWith("*")) {
                prefixes.add(cue.substring(0, cue.length() - 1));
            } else {
                words.add(cue);
            }
        }
    }

    boolean in(GuestText text) {
        return count(text, true) > 0;
    }

    int count(GuestText text) {
        return count(text, false);
    }

    private int count(GuestText text, boolean firstOnly) {
        int hits = 0;
        for (GuestText.Token token : text.tokens) {
            String w = token.text();
            if (words.contains(w) || startsWithAny(w) || arabicWord(w)) {
                hits++;
                if (firstOnly) {
                    return hits;
                }
            }
        }
        if (!phrases.isEmpty() || !arabicPhrases.isEmpty()) {
            String spaced = text.spaced();
            for (String phrase : phrases) {
                if (spaced.contains(phrase)) {
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
            for (String phrase : arabicPhrases) {
                if (spaced.contains(phrase)) {
                    hits++;
                    if (firstOnly) {
                        return hits;
                    }
                }
            }
        }
        return hits;
    }

    private boolean startsWithAny(String word) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean arabicWord(String word) {
        if (arabicWords.isEmpty() || word.isEmpty() || !GuestText.isArabicLetter(word.charAt(0))) {
            return false;
        }
        for (String cue : arabicWords) {
            if (word.length() >= cue.length()) {
                if (cue.length() >= 4 && word.contains(cue)) {
                    return true;
                }
                for (String prefix : ARABIC_PREFIXES) {
                    if (word.length() == prefix.length() + cue.length() && word.startsWith(prefix)
                            && word.endsWith(cue)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every plain Latin word of the list, for typo correction. */
    Set<String> latinWords() {
        return words;
    }
}
