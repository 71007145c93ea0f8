package io.dinechat.conversation.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates resolve against "today" in the business's zone, whatever the day of the week. */
class WhenParserTests {

    private static LocalDate date(String text, LocalDate today) {
        return WhenParser.date(new Work(GuestText.of(text)), today);
    }

    private static LocalTime time(String text) {
        return WhenParser.time(new Work(GuestText.of(text)));
    }

    @ParameterizedTest(name = "on {0}, «{1}» is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-11-19 | friday            | 2025-11-21
            2025-11-21 | friday            | 2025-11-21
            2025-11-22 | friday            | 2025-11-28
            2025-11-19 | next friday       | 2025-11-28
            2025-11-23 | next friday       | 2025-11-28
            2025-11-21 | vendredi prochain | 2025-11-28
            2025-11-19 | el jem3a el jeye  | 2025-11-28
            2025-11-19 | الجمعة القادمة     | 2025-11-28
            2025-11-19 | yom el tlete      | 2025-11-25
            2025-12-31 | tomorrow          | 2026-01-01
            2025-12-31 | bukra             | 2026-01-01
            2025-12-31 | غداً               | 2026-01-01
            2025-12-30 | ba3d bukra        | 2026-01-01
            2025-12-30 | après-demain      | 2026-01-01
            2025-12-30 | بعد بكرا           | 2026-01-01
            2025-12-20 | 5/1               | 2026-01-05
            2025-12-20 | 20/12             | 2025-12-20
            2025-12-20 | 19/12             | 2026-12-19
            2025-12-20 | 3/2/2026          | 2026-02-03
            2025-11-19 | 23 novembre       | 2025-11-23
            2025-11-19 | dec 5th           | 2025-12-05
            2025-11-19 | le 2              | 2025-12-02
            2025-11-19 | the 30th          | 2025-11-30
            2024-02-27 | 29/2              | 2024-02-29
            2025-02-27 | 29/2              | 2028-02-29
            """)
    void resolvesDates(LocalDate today, String text, LocalDate expected) {
        if (expected.equals(LocalDate.of(2028, 2, 29))) {
            // 29/2 in a year without it cannot be next year either: nothing is resolved rather than a wrong day
            assertThat(date(text, today)).isNull();
            return;
        }
        assertThat(date(text, today)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "«{0}» is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8pm                    | 20:00
            8 pm                   | 20:00
            8:30pm                 | 20:30
            10am                   | 10:00
            12pm                   | 12:00
            12am                   | 00:00
            20h                    | 20:00
            20h30                  | 20:30
            10h30                  | 10:30
            8h15                   | 08:15
            à 10h                  | 22:00
            10:30                  | 22:30
            20 h 45                | 20:45
            20:30                  | 20:30
            at 8                   | 20:00
            at 11                  | 11:00
            half past seven        | 19:30
            quarter past 8         | 20:15
            quarter to nine        | 20:45
            8 el lel               | 20:00
            8 bel lel              | 20:00
            8 masa                 | 20:00
            10 sob7                | 10:00
            2 ba3d el dohr         | 14:00
            sa3a 9                 | 21:00
            8 w nos                | 20:30
            9 illa rebe3           | 20:45
            الساعة 8 مساء           | 20:00
            الساعة ٨ مساءً           | 20:00
            الساعة 10 الصبح         | 10:00
            الساعة الثامنة مساء     | 20:00
            8 ونص                  | 20:30
            huit heures et demie   | 20:30
            midi                   | 12:00
            minuit                 | 00:00
            à 21h                  | 21:00
            """)
    void readsTimes(String text, LocalTime expected) {
        assertThat(time(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "«{0}» has no time")
    @CsvSource(delimiter = '|', textBlock = """
            table for 4
            4 people
            R-7K3P
            la 4
            2 hummus
            """)
    void doesNotInventTimes(String text) {
        assertThat(time(text)).isNull();
    }

    @ParameterizedTest(name = "«{0}» at a café open 07:00–15:00 is {1}, at a dinner place open 12:00–23:00 {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow at 9          | 09:00 | 21:00
            at 8:30 on friday      | 08:30 | 20:30
            at 2                   | 14:00 | 14:00
            tomorrow at 9pm        | 21:00 | 21:00
            10h30                  | 10:30 | 10:30
            """)
    void aBareHourIsTheEveningUnlessOnlyTheMorningFallsInTheOpeningHours(String text, LocalTime cafe, LocalTime dinner) {
        assertThat(timeAt(text, java.time.LocalTime.of(7, 0), java.time.LocalTime.of(15, 0))).isEqualTo(cafe);
        assertThat(timeAt(text, java.time.LocalTime.of(12, 0), java.time.LocalTime.of(23, 0))).isEqualTo(dinner);
    }

    private static LocalTime timeAt(String text, LocalTime opens, LocalTime closes) {
        var hours = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> new CatalogFacts.DailyHours(null, d, opens, closes, false)).toList();
        var catalog = new CatalogFacts("Test", Language.ENGLISH, ZoneId.of("Asia/Beirut"), "USD", null,
                java.util.List.of(), java.util.List.of(), hours, java.util.List.of(), java.util.List.of());
        return new OfflineEngine().understand(new TurnInput(text, Language.ENGLISH, catalog, LocalDate.of(2025, 11, 19),
                ZoneId.of("Asia/Beirut"))).slots().time();
    }

    @org.junit.jupiter.api.Test
    void todayIsTheBusinessDayInItsZoneWhenTheCallerGivesNone() {
        ZoneId beirut = ZoneId.of("Asia/Beirut");
        Understanding u = new OfflineEngine().understand(new TurnInput("tomorrow", Language.ENGLISH, CatalogFacts.empty(),
                null, beirut));
        assertThat(u.slots().date()).isEqualTo(ZonedDateTime.now(beirut).toLocalDate().plusDays(1));
    }
}
