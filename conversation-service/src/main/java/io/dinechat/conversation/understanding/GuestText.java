package io.dinechat.conversation.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A guest's message folded for matching: lower case, Latin accents and Arabic diacritics removed,
 * Arabic letter variants unified (أ إ آ → ا, ى → ي, ة → ه), Arabic-Indic digits made ASCII, curly
 * quotes straightened, and obvious typos of known words corrected ("tomorow" → "tomorrow"). Every
 * folded character remembers where it came from, so a name or an address can be cut from the
 * guest's own spelling.
 */
final class GuestText {

    /** A word of the folded text: letters and digits, so Arabizi "mar7aba" and "8pm" stay whole. */
    record Token(String text, int start, int end) {
    }

    final String original;
    final String folded;
    private final int[] origin;
    final List<Token> tokens;

    private GuestText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
        this.tokens = tokenize(folded);
    }

    static GuestText of(String text) {
        return of(text, w -> false, w -> false);
    }

    /** Folded but not corrected: for catalog names and for re-reading an already folded text. */
    static GuestText raw(String text) {
        return of(text, w -> true, w -> true);
    }

    /**
     * @param known     words that must not be "corrected" (menu words, names of branches)
     * @param vocabulary the words typos are corrected towards
     */
    static GuestText of(String text, Predicate<String> known, Predicate<String> vocabulary) {
        String original = text == null ? "" : text;
        StringBuilder out = new StringBuilder(original.length() + 8);
        int[] origin = new int[original.length() * 2 + 8];
        int n = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < 128 && c != '\'') { // fast path: plain ASCII folds to itself, lower-cased
                if (n == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, n * 2);
                }
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                origin[n++] = i;
                continue;
            }
            String folded = fold(c);
            for (int k = 0; k < folded.length(); k++) {
                out.append(folded.charAt(k));
                if (n == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, n * 2);
                }
                origin[n++] = i;
            }
        }
        GuestText first = new GuestText(original, out.toString(), java.util.Arrays.copyOf(origin, n));
        return first.corrected(known, vocabulary);
    }

    /** Folds a whole phrase the same way (for word lists and catalog names). */
    static String foldPhrase(String phrase) {
        if (phrase == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            out.append(fold(phrase.charAt(i)));
        }
        return out.toString().strip();
    }

    private static String fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return String.valueOf((char) (c + 32));
        }
        if (c == '\'') {
            return " "; // "m'appelle", "I'd", "we'll": the pieces are words of their own
        }
        if (c < 128) {
            return String.valueOf(c);
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return String.valueOf((char) ('0' + c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return String.valueOf((char) ('0' + c - '\u06F0'));
        }
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
            return ""; // harakat and tatweel
        }
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ':
                return "ا";
            case 'ى':
                return "ي";
            case 'ة':
                return "ه";
            case 'ؤ':
                return "و";
            case 'ئ':
                return "ي";
            case '،':
                return ",";
            case '؛':
                return ";";
            case '؟':
                return "?";
            case '’', '‘', '`', '´', 'ʼ':
                return " ";
            case '“', '”', '«', '»':
                return "\"";
            case '–', '—':
                return "-";
            case 'œ', 'Œ':
                return "oe";
            case 'æ', 'Æ':
                return "ae";
            case 'ß':
                return "ss";
            case '\u00A0', '\u202F':
                return " ";
            default:
                break;
        }
        if (c >= '\u00C0' && c <= '\u024F') {
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            return String.valueOf(Character.toLowerCase(base.charAt(0)));
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        return String.valueOf(Character.toLowerCase(c)).toLowerCase(Locale.ROOT);
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (isWordChar(s.charAt(i))) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(s.substring(start, i), start, i));
            } else {
                i++;
            }
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u06FF' && Character.isLetter(c);
    }

    /** Replaces unknown words of five or more Latin letters by the one known word one edit away. */
    private GuestText corrected(Predicate<String> known, Predicate<String> vocabulary) {
        StringBuilder out = null;
        List<Integer> origins = null;
        int copied = 0;
        for (Token token : tokens) {
            String word = token.text();
            if (word.length() < 5 || !word.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') || vocabulary.test(word)
                    || known.test(word)) {
                continue;
            }
            String fix = Lexicon.correction(word);
            if (fix == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(folded.length() + 8);
                origins = new ArrayList<>(folded.length() + 8);
            }
            for (int k = copied; k < token.start(); k++) {
                out.append(folded.charAt(k));
                origins.add(origin[k]);
            }
            for (int k = 0; k < fix.length(); k++) {
                out.append(fix.charAt(k));
                origins.add(origin[token.start() + Math.min(k, word.length() - 1)]);
            }
            copied = token.end();
        }
        if (out == null) {
            return this;
        }
        for (int k = copied; k < folded.length(); k++) {
            out.append(folded.charAt(k));
            origins.add(origin[k]);
        }
        return new GuestText(original, out.toString(), origins.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The guest's own spelling of folded range [start, end), trimmed. */
    String originalOf(int start, int end) {
        if (start >= end || start >= origin.length) {
            return "";
        }
        int from = origin[start];
        int to = origin[Math.min(end, origin.length) - 1] + 1;
        return original.substring(from, Math.min(to, original.length())).strip();
    }

    /** True when one of the words is a token of the text. */
    boolean hasToken(Set<String> words) {
        for (Token token : tokens) {
            if (words.contains(token.text())) {
                return true;
            }
        }
        return false;
    }

    private String spaced;
    private Set<String> tokenSet;

    /** Whether any word of the text is one of the words (or the first word of one of the phrases). */
    boolean anyToken(Set<String> words) {
        if (tokenSet == null) {
            Set<String> set = new java.util.HashSet<>();
            for (Token token : tokens) {
                set.add(token.text());
            }
            tokenSet = set;
        }
        for (String t : tokenSet) {
            if (words.contains(t)) {
                return true;
            }
        }
        return false;
    }

    boolean hasDigit() {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The tokens joined by single spaces, with a space at each end: phrase matching on word boundaries. */
    String spaced() {
        if (spaced == null) {
            StringBuilder b = new StringBuilder(folded.length() + 2).append(' ');
            for (Token token : tokens) {
                b.append(token.text()).append(' ');
            }
            spaced = b.toString();
        }
        return spaced;
    }

    int arabicLetters() {
        int count = 0;
        for (int i = 0; i < folded.length(); i++) {
            if (isArabicLetter(folded.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    int latinLetters() {
        int count = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z') {
                count++;
            }
        }
        return count;
    }
}
