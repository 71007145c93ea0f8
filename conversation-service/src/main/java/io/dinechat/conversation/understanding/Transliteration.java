package io.dinechat.conversation.understanding;

/**
 * Latin menu names written in Arabic letters ("مارغريتا" for Margherita, "تالياتيلي" for
 * Tagliatelle): both spellings are reduced to a consonant skeleton in which sounds Arabic writes
 * with one letter fall together (p/b, v/f, c/k/q, soft c/s/sh/ch, th/t, z/ts), and vowels, h, w, y
 * and the letters Arabic uses for vowels (ا و ي ه ع) are dropped. Two words sound the same when their
 * skeletons are equal, or differ by one consonant once both have four or more.
 */
final class Transliteration {

    private Transliteration() {
    }

    /** Shorter skeletons say too little ("با", "تي") to stand for a dish. */
    static final int MIN_SKELETON = 3;

    /** Whether a folded Arabic-script word is the folded Latin word written in Arabic letters. */
    static boolean sameSound(String arabicWord, String latinWord) {
        if (arabicWord.isEmpty() || !GuestText.isArabicLetter(arabicWord.charAt(0)) || latinWord.isEmpty()
                || GuestText.isArabicLetter(latinWord.charAt(0))) {
            return false;
        }
        String a = arabic(arabicWord);
        String l = latin(latinWord);
        if (a.length() < MIN_SKELETON || l.length() < MIN_SKELETON) {
            return false;
        }
        if (a.equals(l)) {
            return true;
        }
        return Math.min(a.length(), l.length()) >= 4 && Fuzzy.distance(a, l, 1) <= 1;
    }

    /** The skeleton of a folded Latin word. */
    static String latin(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : ' ';
            char after = i + 2 < n ? word.charAt(i + 2) : ' ';
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h', '\'' -> {
                }
                case 'c' -> {
                    if (next == 'h') {
                        add(out, after == 'e' || after == 'i' ? 'k' : 's'); // Italian "chi" is k, French "ch" is sh
                        i++;
                    } else if (next == 'c' && (after == 'e' || after == 'i')) {
                        add(out, 's'); // "cacciatore"
                        i++;
                    } else if (next == 'k') {
                        add(out, 'k');
                        i++;
                    } else {
                        add(out, next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
                    }
                }
                case 's' -> {
                    if (next == 'h') {
                        i++;
                    }
                    add(out, 's');
                }
                case 'g' -> {
                    if (next == 'l' && after == 'i') {
                        continue; // Italian "gli" is an l: tagliatelle
                    }
                    if (next == 'n') {
                        continue; // "gnocchi"
                    }
                    if (next == 'h') {
                        i++;
                        add(out, 'g');
                    } else {
                        add(out, next == 'e' || next == 'i' ? 'j' : 'g');
                    }
                }
                case 'k' -> {
                    if (next == 'h') {
                        i++; // "kh" is خ, read as k
                    }
                    add(out, 'k');
                }
                case 'p' -> {
                    if (next == 'h') {
                        i++;
                        add(out, 'f');
                    } else {
                        add(out, 'b');
                    }
                }
                case 't' -> {
                    if (next == 'h') {
                        i++;
                    }
                    add(out, 't');
                }
                case 'q' -> {
                    if (next == 'u') {
                        i++;
                    }
                    add(out, 'k');
                }
                case 'v' -> add(out, 'f');
                case 'x' -> {
                    add(out, 'k');
                    add(out, 's');
                }
                case 'z' -> {
                    if (next == 'z') {
                        i++;
                    }
                    add(out, 'z'); // "pizza" is written بيتزا: the t before z is dropped on that side
                }
                default -> {
                    if (c >= 'a' && c <= 'z') {
                        add(out, c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The skeleton of a folded Arabic word. */
    static String arabic(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : ' ';
            char mapped = switch (c) {
                case 'ب', 'پ' -> 'b';
                case 'ت', 'ط', 'ث' -> (next == 'ش' ? 's' : next == 'ز' ? '-' : 't');
                case 'ج' -> 'j';
                case 'خ', 'ق', 'ك', 'گ' -> 'k';
                case 'د', 'ض' -> 'd';
                case 'ذ', 'ز', 'ظ' -> 'z';
                case 'ر' -> 'r';
                case 'س', 'ش', 'ص' -> 's';
                case 'غ' -> 'g';
                case 'ف', 'ڤ' -> 'f';
                case 'ل' -> 'l';
                case 'م' -> 'm';
                case 'ن' -> 'n';
                default -> '-'; // ا و ي ه ح ع ء: vowels and sounds Latin names leave out
            };
            if (mapped == 's' && (c == 'ت' || c == 'ط')) {
                i++; // "تش" is one sound: ch
            }
            if (mapped != '-') {
                add(out, mapped);
            }
        }
        return out.toString();
    }

    private static void add(StringBuilder out, char c) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
            out.append(c); // double letters are one sound
        }
    }
}
