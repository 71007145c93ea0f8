package io.dinechat.conversation.understanding;

import static io.dinechat.conversation.understanding.Work.L;
import static io.dinechat.conversation.understanding.Work.R;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as guests write them, resolved against "today" in the business's time zone.
 * Rules where usage is ambiguous: a bare weekday is its next occurrence, today included; "next
 * friday" is the Friday of next week (Monday-based); a day/month already past is next year's; an
 * hour from 1 to 10 without am/pm or a morning word is in the evening ("at 8" is 20:00), because
 * guests book dinner far more often than breakfast, unless only the morning reading falls in the
 * business's opening hours ({@link #withinHours}); a time written with "h" and minutes ("10h30") is
 * the 24-hour clock and taken as written — the confirmation summary shows the result.
 */
final class WhenParser {

    private WhenParser() {
    }

    private enum Period { AM, PM, NOON, NONE }

    private static final Map<String, Period> PERIODS = new HashMap<>();
    private static final Map<String, Integer> HOUR_WORDS = new HashMap<>();

    static {
        for (String w : List.of("pm", "p m", "pm.", "du soir", "le soir", "de l apres midi", "de l aprem", "in the evening",
                "in the afternoon", "at night", "tonight", "this evening", "soir", "el lel", "bel lel", "bil lel",
                "b lel", "l lel", "lel", "el leil", "bel leil", "lel", "el layl", "bel layl", "layl", "masa", "el masa",
                "l masa", "msa", "masaa", "3ashiye", "el 3ashiye", "3a4iye", "ba3d el dohr", "ba3d l dohr",
                "ba3d el do7r", "ba3d l do7r", "ba3d el dehr", "مساء", "مسا", "المسا", "المساء", "بالليل", "الليل",
                "ليلا", "بالمسا", "العصر", "عصرا", "بعد الظهر", "بعد الضهر", "عشيه")) {
            PERIODS.put(GuestText.foldPhrase(w), Period.PM);
        }
        for (String w : List.of("am", "a m", "du matin", "le matin", "in the morning", "matin", "morning", "sob7",
                "el sob7", "l sob7", "bel sob7", "sobe7", "el sobe7", "sobh", "el sobh", "3al sob7", "sabah", "el saba7",
                "صباحا", "الصبح", "صباح", "بالصبح", "الصباح")) {
            PERIODS.put(GuestText.foldPhrase(w), Period.AM);
        }
        for (String w : List.of("el dohr", "l dohr", "dohr", "do7r", "el do7r", "el dehr", "ظهرا", "الظهر", "الضهر")) {
            PERIODS.put(GuestText.foldPhrase(w), Period.NOON);
        }
        new HashMap<>(PERIODS).forEach((k, v) -> PERIODS.putIfAbsent(k.replace(" ", ""), v));
        String[][] ordinals = {{"الواحده", "1"}, {"الثانيه", "2"}, {"الثالثه", "3"}, {"الرابعه", "4"}, {"الخامسه", "5"},
                {"السادسه", "6"}, {"السابعه", "7"}, {"الثامنه", "8"}, {"التاسعه", "9"}, {"العاشره", "10"},
                {"الحاديه عشر", "11"}, {"الثانيه عشر", "12"}};
        for (String[] o : ordinals) {
            HOUR_WORDS.put(GuestText.foldPhrase(o[0]), Integer.parseInt(o[1]));
        }
        Lexicon.NUMBERS.forEach((word, value) -> {
            if (value <= 12 && !List.of("a", "an", "un", "une", "couple", "شخصين").contains(word)) {
                HOUR_WORDS.put(word, value);
            }
        });
    }

    private static final String PERIOD = Work.alternation(PERIODS.keySet());
    private static final String HOUR = "(\\d{1,2}|" + Work.alternation(HOUR_WORDS.keySet()) + ")";
    private static final String NOT_PEOPLE = "(?!\\s*(?:people|persons|person|pers|personnes|ppl|pax|guests|of us|couverts"
            + "|ashkhas|ash5as|shakhes|nfous|اشخاص|شخص|نفر|ضيوف))";
    private static final String MONTH = "(" + Work.alternation(Lexicon.MONTHS.keySet()) + ")";
    private static final String WEEKDAY = "(" + Work.alternation(Lexicon.WEEKDAYS.keySet()) + ")";
    private static final String WEEKDAY_AFTER_ARTICLE = "(" + Work.alternation(Lexicon.WEEKDAYS_AFTER_ARTICLE.keySet()) + ")";

    private static final Pattern NUMERIC_DATE = Pattern.compile(
            L + "(\\d{1,2})\\s?[/-]\\s?(\\d{1,2})(?:\\s?[/-]\\s?(\\d{4}|\\d{2}))?" + R + "(?!\\s*(?:pm|am|h" + R + "))");
    private static final Pattern DOTTED_DATE = Pattern.compile(L + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})" + R);
    private static final Pattern DAY_MONTH = Pattern.compile(
            L + "(\\d{1,2})(?:st|nd|rd|th|er|eme)?\\s*(?:of\\s+|de\\s+)?" + MONTH + R);
    private static final Pattern MONTH_DAY = Pattern.compile(L + MONTH + "\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?" + R);
    private static final Pattern NEXT_WEEKDAY = Pattern.compile(L + "(?:next|coming|the coming|this coming)\\s+" + WEEKDAY + R
            + "|" + L + "(?:el\\s+|l\\s*|al\\s*|يوم\\s+)?" + WEEKDAY + "\\s+(?:(?:prochain|qui vient|d apres)|(?:el\\s+|l\\s*)?(?:jeye|jeyi|jaye|jayi|jeyeh|jeyye|jayeh)|(?:الجايه|القادمه|الجاي|القادم|اللي جايه))" + R);
    private static final Pattern ARTICLE_WEEKDAY = Pattern.compile(
            L + "(?:yom el|nhar el|yom l|nhar l|yom|nhar|el|l|hal)\\s*" + WEEKDAY_AFTER_ARTICLE + R);
    private static final Pattern WEEKDAY_ALONE = Pattern.compile(
            L + "(?:this\\s+|ce\\s+|on\\s+|yom\\s+el\\s+|yom\\s+|nhar\\s+el\\s+|el\\s+|l\\s*|يوم\\s+)?" + WEEKDAY + R);
    private static final Pattern AFTER_TOMORROW = Pattern.compile(L + "(?:(?:the\\s+)?day after tomorrow|apres[\\s-]*demain"
            + "|(?:ba3d|ba3ed|b3d|baad|ba3de)\\s*(?:bukra|bokra|bkra|bukrah|bokrah|bukara)|بعد\\s*(?:بكرا|بكره|غدا|غد|الغد|بكرى))" + R);
    private static final Pattern TOMORROW = Pattern.compile(L + "(?:tomorrow|tmrw|tmr|tmrow|tomoro|tomorow|2moro|2morrow|2mrw|tommorow|tommorrow"
            + "|demain|dmain|bukra|bukrah|bokra|bokrah|bkra|bukara|bekra|غدا|غد|بكرا|بكره|بكرى|الغد)" + R);
    private static final Pattern TODAY = Pattern.compile(L + "(?:today|tonight|tonite|this evening|ce soir|aujourd\\s*hui|auj|ce midi"
            + "|lyom|lyoum|l\\s*yom|el\\s*yom|el\\s*yawm|lyawm|hal\\s*lele|hal\\s*leile|hal\\s*lela|el\\s*lele|el\\s*leile"
            + "|lleile|llele|lelet\\s*el\\s*yom|اليوم|الليله|هالليله|هاليوم)" + R);
    private static final Pattern ORDINAL_DAY = Pattern.compile(L + "(?:the|on the|on)\\s+(\\d{1,2})(?:st|nd|rd|th)" + R
            + "|" + L + "(?:le|el|l)\\s+(\\d{1,2})" + R + "(?!\\s*(?:h|heure|heures|pers|personnes|couverts|:|am|pm|ashkhas|shakhes|ps|pm|el lel|masa)" + R + ")");

    private static final Pattern CLOCK = Pattern.compile(
            L + "(\\d{1,2})(\\s*h\\s*|:|\\.)(\\d{2})(?!\\d)" + "(?:\\s*(" + PERIOD + ")" + R + ")?");
    private static final Pattern HALF = Pattern.compile(L + "(?:(half past|quarter past|quarter to)\\s+" + HOUR
            + "|" + HOUR + "\\s*(?:h|heures?|o'?clock)?\\s*(and a half|and half|thirty|et demie?|et quart|moins le quart|moins quart"
            + "|(?:w|wa|و)\\s*(?:nos|noss|nus|nuss|nes|nass|nis|nos|نص|النص|نصف)|(?:w|wa|و)\\s*(?:rebe3|rob3|rube3|rebi3|ربع)"
            + "|(?:illa|ella|ela|ila|الا)\\s*(?:rebe3|rob3|rube3|rebi3|ربع)|(?:w|wa|و)\\s*(?:tilt|telt|ثلث)))" + R
            + "(?:\\s*(" + PERIOD + ")" + R + ")?");
    private static final Pattern HOUR_PERIOD = Pattern.compile(L + HOUR + "\\s*(?:h|heures?|o'?clock)?\\s*(" + PERIOD + ")" + R);
    private static final Pattern FRENCH_HOUR = Pattern.compile(L + HOUR + "\\s*(?:h|heures?)" + R + NOT_PEOPLE);
    private static final Pattern CUED_HOUR = Pattern.compile(L + "(?:at|around|by|vers|a|sa3a|se3a|sa3ah|l\\s*sa3a|el\\s*sa3a"
            + "|l\\s*se3a|el\\s*se3a|3al|3a|3ala|ba3d|الساعه|للساعه|لساعه|ساعه|عالساعه|على|عال|بحدود|حوالي|around about)\\s*" + HOUR
            + "(?:\\s*o'?clock)?" + R + NOT_PEOPLE + "(?:\\s*(" + PERIOD + ")" + R + ")?");
    /** Matches nothing: stands in for a pattern whose words the text does not contain. */
    static final Pattern NEVER = Pattern.compile("(?!)");
    private static final Pattern NOON = Pattern.compile(L + "(noon|midday|midi|minuit|midnight|الظهر|نص الليل|منتصف الليل)" + R);

    private static final java.util.Set<String> MONTH_WORDS = firstWords(Lexicon.MONTHS.keySet());
    private static final java.util.Set<String> WEEKDAY_WORDS = firstWords(Lexicon.WEEKDAYS.keySet());
    private static final java.util.Set<String> ARTICLE_WEEKDAY_WORDS = firstWords(Lexicon.WEEKDAYS_AFTER_ARTICLE.keySet());
    static final java.util.Set<String> HOUR_WORD_SET = firstWords(HOUR_WORDS.keySet());

    /** The first word of each key; a cheap test before running a pattern with a long alternation. */
    static java.util.Set<String> firstWords(java.util.Collection<String> keys) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String k : keys) {
            out.add(k.split(" ")[0]);
        }
        return out;
    }

    /** The first date mentioned, blanked out of the work. */
    static LocalDate date(Work work, LocalDate today) {
        boolean digits = work.text.hasDigit();
        boolean months = digits && work.text.anyToken(MONTH_WORDS);
        boolean weekdays = work.text.anyToken(WEEKDAY_WORDS);
        Matcher m = work.matcher(digits ? NUMERIC_DATE : NEVER);
        while (m.find()) {
            LocalDate d = dayMonth(today, m.group(1), m.group(2), m.group(3));
            if (d != null) {
                work.mask(m.start(), m.end());
                return d;
            }
        }
        m = work.matcher(digits ? DOTTED_DATE : NEVER);
        if (m.find()) {
            LocalDate d = dayMonth(today, m.group(1), m.group(2), m.group(3));
            if (d != null) {
                work.mask(m.start(), m.end());
                return d;
            }
        }
        m = work.matcher(months ? DAY_MONTH : NEVER);
        if (m.find()) {
            LocalDate d = dayMonth(today, m.group(1), String.valueOf(Lexicon.month(m.group(2))), null);
            if (d != null) {
                work.mask(m.start(), m.end());
                return d;
            }
        }
        m = work.matcher(months ? MONTH_DAY : NEVER);
        if (m.find()) {
            LocalDate d = dayMonth(today, m.group(2), String.valueOf(Lexicon.month(m.group(1))), null);
            if (d != null) {
                work.mask(m.start(), m.end());
                return d;
            }
        }
        m = work.matcher(AFTER_TOMORROW);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return today.plusDays(2);
        }
        m = work.matcher(weekdays ? NEXT_WEEKDAY : NEVER);
        if (m.find()) {
            DayOfWeek day = weekday(m.group(1) != null ? m.group(1) : m.group(2));
            if (day != null) {
                work.mask(m.start(), m.end());
                return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
            }
        }
        m = work.matcher(work.text.anyToken(ARTICLE_WEEKDAY_WORDS) ? ARTICLE_WEEKDAY : NEVER);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return today.with(TemporalAdjusters.nextOrSame(Lexicon.WEEKDAYS_AFTER_ARTICLE.get(m.group(1))));
        }
        m = work.matcher(weekdays ? WEEKDAY_ALONE : NEVER);
        if (m.find()) {
            DayOfWeek day = weekday(m.group(1));
            if (day != null) {
                work.mask(m.start(), m.end());
                return today.with(TemporalAdjusters.nextOrSame(day));
            }
        }
        m = work.matcher(TOMORROW);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return today.plusDays(1);
        }
        m = work.matcher(TODAY);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return today;
        }
        m = work.matcher(digits ? ORDINAL_DAY : NEVER);
        if (m.find()) {
            int day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (day >= 1 && day <= 31) {
                LocalDate candidate = safeDate(today.getYear(), today.getMonthValue(), day);
                if (candidate == null || candidate.isBefore(today)) {
                    LocalDate next = today.plusMonths(1);
                    candidate = safeDate(next.getYear(), next.getMonthValue(), day);
                }
                if (candidate != null) {
                    work.mask(m.start(), m.end());
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The first time of day mentioned, blanked out of the work. */
    static LocalTime time(Work work) {
        boolean hours = work.text.hasDigit() || work.text.anyToken(HOUR_WORD_SET);
        Matcher m = work.matcher(hours ? HALF : NEVER);
        if (m.find()) {
            LocalTime t;
            if (m.group(1) != null) {
                int hour = hour(m.group(2));
                t = switch (m.group(1).replaceAll("\\s+", " ")) {
                    case "half past" -> at(hour, 30, m.group(5));
                    case "quarter past" -> at(hour, 15, m.group(5));
                    default -> minus15(at(hour, 0, m.group(5)));
                };
            } else {
                int hour = hour(m.group(3));
                String how = m.group(4).replaceAll("\\s+", " ");
                if (how.contains("quart") && how.contains("moins") || how.matches("(?:illa|ella|ela|ila|الا).*")) {
                    t = minus15(at(hour, 0, m.group(5)));
                } else if (how.contains("quart") || how.matches(".*(?:rebe3|rob3|rube3|rebi3|ربع)")) {
                    t = at(hour, 15, m.group(5));
                } else if (how.matches(".*(?:tilt|telt|ثلث)")) {
                    t = at(hour, 20, m.group(5));
                } else {
                    t = at(hour, 30, m.group(5));
                }
            }
            if (t != null) {
                work.mask(m.start(), m.end());
                work.eveningAssumed = assumedEvening(hour(m.group(1) != null ? m.group(2) : m.group(3)), m.group(5));
                return t;
            }
        }
        m = work.matcher(hours ? CLOCK : NEVER);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(3));
            // "10h30" is the 24-hour clock French writes: 10:30, not 22:30 (a bare "10h" stays a dinner hour)
            boolean clock24 = m.group(2).contains("h") && m.group(4) == null;
            LocalTime t = clock24 ? (hour <= 23 && minute <= 59 ? LocalTime.of(hour, minute) : null)
                    : at(hour, minute, m.group(4));
            if (t != null) {
                work.mask(m.start(), m.end());
                work.eveningAssumed = !clock24 && assumedEvening(hour, m.group(4));
                return t;
            }
        }
        m = work.matcher(hours ? HOUR_PERIOD : NEVER);
        if (m.find()) {
            LocalTime t = at(hour(m.group(1)), 0, m.group(2));
            if (t != null) {
                work.mask(m.start(), m.end());
                work.eveningAssumed = assumedEvening(hour(m.group(1)), m.group(2));
                return t;
            }
        }
        m = work.matcher(hours ? FRENCH_HOUR : NEVER);
        if (m.find()) {
            LocalTime t = at(hour(m.group(1)), 0, null);
            if (t != null) {
                work.mask(m.start(), m.end());
                work.eveningAssumed = assumedEvening(hour(m.group(1)), null);
                return t;
            }
        }
        m = work.matcher(hours ? CUED_HOUR : NEVER);
        while (m.find()) {
            LocalTime t = at(hour(m.group(1)), 0, m.group(2));
            if (t != null) {
                work.mask(m.start(), m.end());
                work.eveningAssumed = assumedEvening(hour(m.group(1)), m.group(2));
                return t;
            }
        }
        m = work.matcher(NOON);
        if (m.find()) {
            work.mask(m.start(), m.end());
            return m.group(1).matches("minuit|midnight|نص الليل|منتصف الليل") ? LocalTime.MIDNIGHT : LocalTime.NOON;
        }
        return null;
    }

    /** True when an hour from 1 to 10 was put in the evening only by default (no am/pm or period word said). */
    private static boolean assumedEvening(int hour, String periodWord) {
        return hour >= 1 && hour <= 10 && period(periodWord) == Period.NONE;
    }

    private static Period period(String periodWord) {
        return periodWord == null ? Period.NONE
                : PERIODS.getOrDefault(squash(periodWord), PERIODS.getOrDefault(periodWord.replaceAll("\\s+", ""), Period.NONE));
    }

    /**
     * The default evening reading of a bare hour, checked against the business's opening hours on the
     * date (every open day when no date is known): "at 9" at a café open 07:00–15:00 is 09:00. The
     * evening stays when both or neither reading falls in the hours.
     */
    static LocalTime withinHours(LocalTime evening, LocalDate date, CatalogFacts catalog) {
        if (evening == null || catalog == null) {
            return evening;
        }
        List<CatalogFacts.DailyHours> open = date != null ? catalog.hoursOn(date, null) : List.of();
        if (date != null && open.isEmpty()) {
            open = catalog.hours().stream().filter(h -> !h.closed() && h.day() == date.getDayOfWeek()).toList();
        }
        if (date == null) {
            open = catalog.hours().stream().filter(h -> !h.closed()).toList();
        }
        if (open.isEmpty()) {
            return evening;
        }
        LocalTime morning = evening.minusHours(12);
        return !isOpen(open, evening) && isOpen(open, morning) ? morning : evening;
    }

    private static boolean isOpen(List<CatalogFacts.DailyHours> hours, LocalTime t) {
        for (CatalogFacts.DailyHours h : hours) {
            if (h.opens() == null || h.closes() == null) {
                continue;
            }
            boolean pastMidnight = !h.closes().isAfter(h.opens());
            if (pastMidnight ? !t.isBefore(h.opens()) || t.isBefore(h.closes())
                    : !t.isBefore(h.opens()) && t.isBefore(h.closes())) {
                return true;
            }
        }
        return false;
    }

    private static LocalTime minus15(LocalTime t) {
        return t == null ? null : t.minusMinutes(15);
    }

    private static int hour(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(word);
        }
        Integer h = HOUR_WORDS.get(squash(word));
        return h == null ? -1 : h;
    }

    private static LocalTime at(int hour, int minute, String periodWord) {
        if (hour < 0 || hour > 24 || minute > 59) {
            return null;
        }
        Period period = periodWord == null ? Period.NONE
                : PERIODS.getOrDefault(squash(periodWord), PERIODS.getOrDefault(periodWord.replaceAll("\\s+", ""), Period.NONE));
        if (hour == 24) {
            hour = 0;
        }
        switch (period) {
            case PM -> {
                if (hour >= 1 && hour < 12) {
                    hour += 12;
                }
            }
            case AM -> {
                if (hour == 12) {
                    hour = 0;
                }
            }
            case NOON -> {
                if (hour >= 1 && hour <= 6) {
                    hour += 12;
                }
            }
            case NONE -> {
                if (hour >= 1 && hour <= 10) {
                    hour += 12; // "at 8" is dinner, not breakfast (see class comment)
                }
            }
        }
        return hour > 23 ? null : LocalTime.of(hour, minute);
    }

    private static LocalDate dayMonth(LocalDate today, String dayText, String monthText, String yearText) {
        int day = Integer.parseInt(dayText);
        int month = Integer.parseInt(monthText);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (yearText != null) {
            int year = Integer.parseInt(yearText);
            return safeDate(year < 100 ? 2000 + year : year, month, day);
        }
        LocalDate d = safeDate(today.getYear(), month, day);
        if (d != null && d.isBefore(today)) {
            d = safeDate(today.getYear() + 1, month, day);
        }
        return d;
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DayOfWeek weekday(String word) {
        return word == null ? null : Lexicon.WEEKDAYS.get(squash(word).replace(" ", ""));
    }

    /** Multi-word keys were matched with any spacing; look them up with single spaces. */
    static String squash(String matched) {
        return matched.strip().replaceAll("\\s+", " ");
    }

}
