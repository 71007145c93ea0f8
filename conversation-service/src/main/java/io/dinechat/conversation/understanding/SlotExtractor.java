package io.dinechat.conversation.understanding;

import static io.dinechat.conversation.understanding.Work.L;
import static io.dinechat.conversation.understanding.Work.R;

import io.dinechat.conversation.understanding.CatalogFacts.Branch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Party size, guest name, booking reference, fulfilment, address, branch and special requests. */
final class SlotExtractor {

    private SlotExtractor() {
    }

    private static final String NUM = "(\\d{1,2}|" + Work.alternation(Lexicon.NUMBERS.keySet().stream()
            .filter(w -> !Set.copyOf(List.of("a", "an", "couple", "un", "une")).contains(w)).toList()) + ")";
    private static final String PEOPLE = "(?:people|peoples|ppl|persons|person|pers|personnes|personne|pax|guests|guest|adults|of us"
            + "|couverts|couvert|ashkhas|ash5as|ashkhass|ashkhes|eshkhas|shakhes|sha5es|nfous|nfus|anfos|ashkhass|اشخاص|اشخاص|شخص|نفر|انفار|ضيوف|افراد)";
    private static final Pattern ADULTS_KIDS = Pattern.compile(L + NUM + "\\s*(?:adults?|adultes?|kbar|كبار)\\s*(?:and|et|w|و|\\+|,|&)\\s*"
            + NUM + "\\s*(?:kids?|children|child|enfants?|wlad|zghar|ولاد|اطفال|صغار)" + R);
    private static final Pattern NUM_PEOPLE = Pattern.compile("(?:" + L + "|(?<=ل)|(?<=لل))" + NUM + "\\s*" + PEOPLE + R);
    private static final Pattern FOR_NUM = Pattern.compile(L + "(?:(?:for|pour|table for|table of|table pour|table de|party of|a party of|group of"
            + "|groupe de|lal|tawle la|tawleh la|tawlet)\\s+|(?:طاوله ل|طاوله لـ|لـ|ل)\\s*)" + NUM + R
            + "(?!\\s*(?:pm|am|h|heures?|:|o'?clock|masa|el lel|lel|x|" + PEOPLE + "))");
    private static final Pattern WE_ARE = Pattern.compile(L + "(?:we are|we re|were|we will be|we ll be|there will be|there are|there s"
            + "|nous serons|nous sommes|on sera|on est|on va etre|ne7na|nehna|na7na|n7na|rah nkoun|ra7 nkun|ra7 nkoun|rah nkun|nkoun|nkun"
            + "|نحنا|نحن|احنا|رح نكون|عددنا)\\s*" + NUM + R);
    private static final Pattern LA_NUM = Pattern.compile(L + "(?:la|lal|l)\\s+" + NUM + R
            + "(?!\\s*(?:pm|am|h|:|masa|el lel|lel|sob7))");
    private static final Pattern DUAL = Pattern.compile(L + "(?:ل|لل)?(شخصين)" + R + "|" + L + "(?:la\\s*)?(shakhsen|sha5sen|shakhsein)" + R
            + "|" + L + "(just me|juste moi|bas ana|myself only|only me)" + R + "|" + L + "(?:for\\s+)?(a couple|two of us|nous deux|tnenetna|ne7na tnen)" + R);
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\s*" + NUM + "\\s*[.!?]*\\s*$");

    /**
     * A booking reference exactly as reservation-service draws it ({@code BookingReference}): "R-" and
     * five characters of an alphabet without 0/O, 1/I/L, so it may have no digit at all ("R-FEEAH").
     */
    private static final Pattern BOOKING_REFERENCE = Pattern.compile(L + "r\\s?-\\s?([2-9a-hjkmnp-z]{5})" + R);
    private static final Pattern REFERENCE = Pattern.compile(L + "([a-z])\\s?-\\s?([a-z0-9]{3,6})" + R);
    private static final Pattern REFERENCE_CUED = Pattern.compile(L + "(?:ref|reference|booking ref|booking number|booking no|confirmation|"
            + "numero|reservation number|رقم الحجز|رقم)\\s*[:#]?\\s*(?:is\\s+)?([a-z]{1,2}[0-9][a-z0-9]{2,6}|r[2-9a-hjkmnp-z]{5}|\\d{3,8})" + R);

    private static final Pattern NAME = Pattern.compile(L + "(?:my name is|my name s|my names|my name|name is|the name is|name|"
            + "under the name of|under the name|in the name of|reservation under|booking under|book it under|put it under|under|"
            + "je m appelle|m appelle|mon nom est|mon nom c est|mon nom|au nom de|a mon nom|nom|"
            + "ana esmi|ana ismi|esmi|ismi|esme|esmo|3ala esm|3a esm|3al esm|b esm|bi esm|bism|3a ism|"
            + "انا اسمي|اسمي|باسم|على اسم|عاسم|عَ اسم|الاسم|اسم)\\s*[:\\-]?\\s*"
            + "([\\p{L}'][\\p{L}'\\-]*(?:\\s+[\\p{L}'][\\p{L}'\\-]*){0,2})");
    private static final Set<String> NAME_STOP = Set.copyOf(List.of("and", "for", "et", "pour", "w", "3a", "please", "pls", "plz",
            "svp", "stp", "merci", "thanks", "thank", "at", "a", "la", "le", "l", "is", "the", "on", "in", "please",
            "و", "ل", "من", "تاريخ", "بكرا", "i", "we", "my", "and", "with", "avec", "ma3", "mni", "phone", "number",
            "tel", "it", "table", "booking", "reservation", "yalla", "ok", "tomorrow", "today", "tonight", "demain",
            "bukra", "friday", "people", "persons", "personnes", "ashkhas", "to", "de", "du", "by", "ma", "bas",
            "kamen", "aussi", "also", "rah", "ra7", "bade", "badde", "ana"));

    private static final Pattern ADDRESS = Pattern.compile(L + "(?:my address is|my address|address is|address|the address is|"
            + "deliver it to|deliver to|send it to|send to|bring it to|delivered to|delivery to|"
            + "mon adresse est|mon adresse c est|mon adresse|adresse|a l adresse|livrer au|livrer a|livrez au|livrez a|livraison au|"
            + "livraison a|livre au|livre a|el 3enwen|l 3enwen|3enwene|3enweni|3nweni|3enwani|3nwene|3enwen|3nwen|"
            + "wasslo 3a|wasslo la|wasselo 3a|twasslo 3a|twasslo la|wasslouli 3a|wasluli 3a|"
            + "العنوان|عنواني|عنوان|وصلو على|وصلوا على|وصلولي على|وصلو ل|على عنوان)\\s*(?:is|est|:|-|هو)?\\s*[:\\-]?\\s*([^\\n]{3,})");
    private static final Pattern ADDRESS_WORDS = Pattern.compile(L + "(?:street|st|str|rue|avenue|ave|av|road|rd|bldg|building|blg|"
            + "immeuble|imm|floor|flr|etage|tabe2|tab2a|bineye|binaye|benaye|share3|chare3|shere3|apartment|apt|appartement|"
            + "شارع|بنايه|طابق|حي|ملك|قرب|بجانب|حد|near|next to|pres de|7ad|7ed|janb|jamb)" + R);

    private static final Pattern BRANCH_CUE = Pattern.compile(L + "(?:branch|succursale|far3|fer3|فرع)\\s+(?:in\\s+|of\\s+|de\\s+|el\\s+|ال)?([\\p{L}][\\p{L}'\\-]+)"
            + "|" + L + "([\\p{L}][\\p{L}'\\-]+)\\s+(?:branch|location)" + R);

    private static final Cues SPECIAL_REQUESTS = new Cues("birthday", "anniversary", "window", "terrace", "outside",
            "outdoor", "indoor", "inside", "high chair", "highchair", "wheelchair", "quiet", "celebrat*", "surprise",
            "cake", "allergic", "allergy", "anniversaire", "terrasse", "fenetre", "dehors", "chaise haute", "calme",
            "allergique", "3id milad", "3eed milad", "eid milad", "3id mileD", "barra", "jouwa", "juwwa", "3al balkon",
            "balcon", "balcony", "عيد ميلاد", "تراس", "برا", "جوا", "شباك", "كرسي اطفال", "حساسيه");

    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}'][\\p{L}'\\-]*");

    private static final Set<String> NUMBER_WORDS = WhenParser.firstWords(Lexicon.NUMBERS.keySet());

    static Integer partySize(Work work, Language language) {
        boolean numbers = work.text.hasDigit() || work.text.anyToken(NUMBER_WORDS)
                || work.text.folded.contains("ل") && work.text.arabicLetters() > 0;
        Matcher m = work.matcher(numbers ? ADULTS_KIDS : WhenParser.NEVER);
        if (m.find()) {
            Integer a = number(m.group(1));
            Integer k = number(m.group(2));
            if (a != null && k != null) {
                work.mask(m.start(), m.end());
                return a + k;
            }
        }
        m = work.matcher(DUAL);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return m.group(3) != null ? 1 : 2;
        }
        for (Pattern p : List.of(NUM_PEOPLE, WE_ARE, FOR_NUM)) {
            m = work.matcher(numbers ? p : WhenParser.NEVER);
            while (m.find()) {
                Integer n = number(m.group(1));
                if (n != null && n >= 1 && n <= 60) {
                    work.mask(m.start(), m.end());
                    return n;
                }
            }
        }
        if (language != Language.FRENCH && numbers) {
            m = work.matcher(LA_NUM);
            while (m.find()) {
                Integer n = number(m.group(1));
                if (n != null && n >= 1 && n <= 60) {
                    work.mask(m.start(), m.end());
                    return n;
                }
            }
        }
        return null;
    }

    /** A message that is only a number ("4", "arb3a", "٤"): the answer to "how many?". */
    static Integer bareNumber(String folded) {
        Matcher m = BARE_NUMBER.matcher(folded.replace(Work.MASK, ' '));
        if (m.matches()) {
            Integer n = number(m.group(1));
            return n != null && n >= 1 && n <= 60 ? n : null;
        }
        return null;
    }

    private static Integer number(String word) {
        String w = word.strip().replaceAll("\\s+", " ");
        if (w.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(w);
        }
        Integer n = Lexicon.NUMBERS.get(w);
        return n != null ? n : Lexicon.NUMBERS.get(w.replace(" ", ""));
    }

    static String reference(Work work) {
        Matcher m = work.matcher(BOOKING_REFERENCE);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return "R-" + m.group(1).toUpperCase(Locale.ROOT);
        }
        m = work.matcher(REFERENCE);
        while (m.find()) {
            if (m.group(2).chars().anyMatch(Character::isDigit)) {
                work.mask(m.start(), m.end());
                return (m.group(1) + "-" + m.group(2)).toUpperCase(Locale.ROOT);
            }
        }
        m = work.matcher(REFERENCE_CUED);
        if (m.find()) {
            work.mask(m.start(1), m.end(1));
            String ref = m.group(1).toUpperCase(Locale.ROOT);
            return ref.matches("[A-Z][0-9A-Z]{3,6}") ? ref.charAt(0) + "-" + ref.substring(1) : ref;
        }
        return null;
    }

    static String name(Work work) {
        Matcher m = work.matcher(NAME);
        while (m.find()) {
            int start = m.start(1);
            List<int[]> words = new ArrayList<>();
            Matcher w = NAME_WORD.matcher(work.current()).region(start, m.end(1));
            while (w.find()) {
                String folded = w.group().toLowerCase(Locale.ROOT);
                if (NAME_STOP.contains(folded) || Lexicon.WEEKDAYS.containsKey(folded)) {
                    break;
                }
                words.add(new int[] {w.start(), w.end()});
            }
            if (words.isEmpty()) {
                continue;
            }
            int from = words.getFirst()[0];
            int to = words.getLast()[1];
            String name = work.text.originalOf(from, to);
            if (name.isBlank() || name.length() > 60) {
                continue;
            }
            work.mask(m.start(), to);
            return properCase(name);
        }
        return null;
    }

    /** "rami khoury" → "Rami Khoury"; names already written with capitals and Arabic names are kept. */
    static String properCase(String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'';
        }
        return b.toString();
    }

    static Fulfilment fulfilment(GuestText text) {
        if (Lexicon.DELIVERY.in(text)) {
            return Fulfilment.DELIVERY;
        }
        if (Lexicon.TAKEAWAY.in(text)) {
            return Fulfilment.TAKEAWAY;
        }
        if (Lexicon.ON_SITE.in(text)) {
            return Fulfilment.ON_SITE;
        }
        return null;
    }

    static String address(Work work) {
        Matcher m = work.matcher(ADDRESS);
        if (m.find()) {
            String address = cleanAddress(work.text.originalOf(m.start(1), m.end(1)));
            if (address != null) {
                work.mask(m.start(), m.end());
                return address;
            }
        }
        String current = work.current();
        int lineStart = 0;
        for (String line : current.split("\n", -1)) {
            Matcher words = ADDRESS_WORDS.matcher(line);
            int hits = 0;
            while (words.find()) {
                hits++;
            }
            if (hits >= 2 || hits == 1 && line.chars().anyMatch(Character::isDigit)) {
                String address = cleanAddress(work.text.originalOf(lineStart, lineStart + line.length()));
                if (address != null) {
                    return address;
                }
            }
            lineStart += line.length() + 1;
        }
        return null;
    }

    private static String cleanAddress(String raw) {
        String address = raw.strip()
                .replaceAll("(?iu)[\\s,.!]*(please|pls|plz|svp|stp|merci|thanks|thank you|thx|shukran|shokran|شكرا|من فضلك)[\\s.!]*$", "")
                .replaceAll("[\\s,.!?]+$", "").strip();
        return address.length() >= 3 ? address : null;
    }

    static String branchHint(GuestText text, List<Branch> branches) {
        for (Branch branch : branches) {
            for (String label : new String[] {branch.name(), branch.city(), branch.street()}) {
                if (label == null || label.isBlank()) {
                    continue;
                }
                String folded = GuestText.foldPhrase(label);
                if (text.spaced().contains(" " + folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ")) {
                    return branch.name();
                }
            }
        }
        java.util.Map<String, Integer> shared = new java.util.HashMap<>();
        for (Branch branch : branches) {
            GuestText.raw(branch.name()).tokens.stream().map(GuestText.Token::text).distinct()
                    .forEach(w -> shared.merge(w, 1, Integer::sum));
        }
        for (Branch branch : branches) {
            for (GuestText.Token word : GuestText.raw(branch.name()).tokens) {
                if (word.text().length() >= 4 && !Lexicon.isVocabulary(word.text()) && shared.get(word.text()) == 1) {
                    for (GuestText.Token token : text.tokens) {
                        if (Fuzzy.similar(token.text(), word.text())) {
                            return branch.name();
                        }
                    }
                }
            }
        }
        Matcher m = BRANCH_CUE.matcher(text.folded);
        if (m.find()) {
            int group = m.group(1) != null ? 1 : 2;
            return text.originalOf(m.start(group), m.end(group));
        }
        return null;
    }

    static String specialRequest(GuestText text) {
        if (!SPECIAL_REQUESTS.in(text)) {
            return null;
        }
        String original = text.original.strip();
        return original.length() > 200 ? original.substring(0, 200) : original;
    }
}
