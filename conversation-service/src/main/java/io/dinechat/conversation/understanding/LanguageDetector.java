package io.dinechat.conversation.understanding;

import java.util.regex.Pattern;

/**
 * Tells English, French, Arabic and Arabizi apart per message. Arabic script decides on its own;
 * Latin text is scored by marker words (a strong marker belongs to one language, a weak one is short
 * or shared, like "merci" which Lebanese use in Arabizi too) and by Arabizi's digits-for-letters
 * ("mar7aba", "3a", "la2"). A message without clear evidence ("ok", "8pm", "4") keeps the
 * conversation's previous language.
 */
public final class LanguageDetector {

    /** A word mixing letters and the digits Arabizi uses for sounds, but not "8pm", "20h", "2nd", "4pax". */
    private static final Pattern ARABIZI_DIGIT_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?=[a-z0-9']*[a-z])(?=[a-z0-9']*[2356789])"
                    + "(?![0-9]{1,2}(?:am|pm|h|hr|hrs|st|nd|rd|th|er|eme|e|x|pax|ppl|p|min|mn|k|km|l|kg|g|lbp|usd|eur|ll)(?![\\p{L}\\p{N}]))"
                    + "(?![0-9]{1,2}h[0-9]{2})(?![a-z]-)(?!x[0-9]{1,2}(?![\\p{L}\\p{N}]))"
                    + "[a-z0-9']{2,}(?![\\p{L}\\p{N}])");

    private LanguageDetector() {
    }

    public static Language detect(String text, Language previous) {
        return detect(GuestText.of(text), previous);
    }

    static Language detect(GuestText text, Language previous) {
        int arabic = text.arabicLetters();
        int latin = text.latinLetters();
        if (arabic > 0 && arabic * 2 >= latin) {
            return Language.ARABIC;
        }
        if (latin == 0) {
            return previous != null ? previous : Language.ENGLISH;
        }
        int english = 2 * Lexicon.ENGLISH_STRONG.count(text) + Lexicon.ENGLISH_WEAK.count(text);
        int french = 2 * Lexicon.FRENCH_STRONG.count(text) + Lexicon.FRENCH_WEAK.count(text)
                + Math.min(3, accents(text.original));
        int arabizi = 2 * Lexicon.ARABIZI_STRONG.count(text) + Lexicon.ARABIZI_WEAK.count(text)
                + 2 * (int) ARABIZI_DIGIT_WORD.matcher(text.folded).results().count();
        int best = Math.max(english, Math.max(french, arabizi));
        int winners = (english == best ? 1 : 0) + (french == best ? 1 : 0) + (arabizi == best ? 1 : 0);
        if (best == 0 || (previous != null && (best < 2 || winners > 1 && scoreOf(previous, english, french, arabizi) == best))) {
            return previous != null ? previous : Language.ENGLISH;
        }
        if (winners > 1) {
            // Lebanese guests mix freely; a tie between Arabizi and another language is Arabizi.
            return arabizi == best ? Language.ARABIZI : french == best ? Language.FRENCH : Language.ENGLISH;
        }
        return arabizi == best ? Language.ARABIZI : french == best ? Language.FRENCH : Language.ENGLISH;
    }

    private static int scoreOf(Language language, int english, int french, int arabizi) {
        return switch (language) {
            case ENGLISH -> english;
            case FRENCH -> french;
            case ARABIZI -> arabizi;
            case ARABIC -> -1;
        };
    }

    private static int accents(String original) {
        int count = 0;
        for (int i = 0; i < original.length(); i++) {
            if ("éèêàùçâîôûëïœÉÈÊÀÇ".indexOf(original.charAt(i)) >= 0) {
                count++;
            }
        }
        return count;
    }
}
