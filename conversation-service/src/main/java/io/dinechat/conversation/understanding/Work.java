package io.dinechat.conversation.understanding;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The folded text being taken apart: each slot found is blanked out, so "8" in "8pm" is not also
 * read as a party of eight, and "4" in "23/4" not as a time.
 */
final class Work {

    /** Word boundaries that know Arabic letters and digits (Java's \b does not, by default). */
    static final String L = "(?<![\\p{L}\\p{N}])";
    static final String R = "(?![\\p{L}\\p{N}])";

    final GuestText text;
    private final char[] chars;
    /** The time found was an hour from 1 to 10 put in the evening by default ("at 8"), not by the guest's words. */
    boolean eveningAssumed;

    Work(GuestText text) {
        this.text = text;
        this.chars = text.folded.toCharArray();
    }

    Matcher matcher(Pattern pattern) {
        return pattern.matcher(new String(chars));
    }

    String current() {
        return new String(chars);
    }

    /** Blanked with a character that is neither a word nor a space, so patterns cannot join the words around a slot. */
    static final char MASK = '\u001F';

    void mask(int start, int end) {
        Arrays.fill(chars, Math.max(0, start), Math.min(end, chars.length), MASK);
    }

    /** A regex alternation of the words, longest first, each folded and quoted. */
    static String alternation(Collection<String> words) {
        return words.stream().map(GuestText::foldPhrase).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s*\\Q"))
                .collect(Collectors.joining("|", "(?:", ")"));
    }
}
