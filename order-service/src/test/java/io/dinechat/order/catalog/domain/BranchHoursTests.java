package io.dinechat.order.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opening hours as guests meet them: overnight periods, holidays and special hours, the business's time zone. */
class BranchHoursTests {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final UUID BRANCH = UUID.randomUUID();
    // 2026-12-04 is a Friday.
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    private static OpeningHours open(UUID branch, DayOfWeek day, String opens, String closes) {
        return OpeningHours.open(UUID.randomUUID(), branch, day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private static LocalDateTime at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time));
    }

    @Test
    void anOvernightPeriodCoversTheEarlyHoursOfTheNextDayAndNoMore() {
        // given: Friday 18:00-02:00, Saturday closed
        BranchHours hours = BranchHours.of(BEIRUT, BRANCH, List.of(open(null, DayOfWeek.FRIDAY, "18:00", "02:00"),
                OpeningHours.closedAllDay(UUID.randomUUID(), null, DayOfWeek.SATURDAY)), List.of());

        // when / then
        assertThat(hours.isOpenAt(at(FRIDAY, "17:59"))).isFalse();
        assertThat(hours.isOpenAt(at(FRIDAY, "18:00"))).isTrue();
        assertThat(hours.isOpenAt(at(FRIDAY, "23:59"))).isTrue();
        assertThat(hours.isOpenAt(at(FRIDAY.plusDays(1), "00:30"))).isTrue();
        assertThat(hours.isOpenAt(at(FRIDAY.plusDays(1), "01:59"))).isTrue();
        assertThat(hours.isOpenAt(at(FRIDAY.plusDays(1), "02:00"))).isFalse();
        assertThat(hours.isOpenAt(at(FRIDAY.plusDays(1), "19:00"))).isFalse();
        // Thursday has no hours: Friday's early morning is not covered by anything.
        assertThat(hours.isOpenAt(at(FRIDAY, "01:00"))).isFalse();
    }

    @Test
    void lunchAndDinnerLeaveTheAfternoonClosed() {
        // given
        BranchHours hours = BranchHours.of(BEIRUT, BRANCH, List.of(open(null, DayOfWeek.FRIDAY, "12:00", "15:00"),
                open(null, DayOfWeek.FRIDAY, "19:00", "23:00")), List.of());

        // when / then
        assertThat(hours.isOpenAt(at(FRIDAY, "14:59"))).isTrue();
        assertThat(hours.isOpenAt(at(FRIDAY, "15:00"))).isFalse();
        assertThat(hours.isOpenAt(at(FRIDAY, "17:00"))).isFalse();
        assertThat(hours.isOpenAt(at(FRIDAY, "19:30"))).isTrue();
    }

    @Test
    void aBranchsOwnWeeklyHoursReplaceTheBusinesssHours() {
        // given: the business opens Friday at noon, this branch only at 17:00
        BranchHours hours = BranchHours.of(BEIRUT, BRANCH, List.of(open(null, DayOfWeek.FRIDAY, "12:00", "23:00"),
                open(BRANCH, DayOfWeek.FRIDAY, "17:00", "23:00")), List.of());
        BranchHours otherBranch = BranchHours.of(BEIRUT, UUID.randomUUID(),
                List.of(open(null, DayOfWeek.FRIDAY, "12:00", "23:00"), open(BRANCH, DayOfWeek.FRIDAY, "17:00", "23:00")),
                List.of());

        // when / then
        assertThat(hours.isOpenAt(at(FRIDAY, "13:00"))).isFalse();
        assertThat(hours.isOpenAt(at(FRIDAY, "18:00"))).isTrue();
        assertThat(otherBranch.isOpenAt(at(FRIDAY, "13:00"))).isTrue();
    }

    @Test
    void aHolidayClosesTheDateButNotThePreviousNightsOvernightPeriod() {
        // given: open every Friday and Saturday 18:00-02:00; Saturday 5 December is a holiday
        LocalDate saturday = FRIDAY.plusDays(1);
        BranchHours hours = BranchHours.of(BEIRUT, BRANCH, List.of(open(null, DayOfWeek.FRIDAY, "18:00", "02:00"),
                        open(null, DayOfWeek.SATURDAY, "18:00", "02:00")),
                List.of(new HourOverride(UUID.randomUUID(), null, saturday, true, null, null, "Holiday")));

        // when / then
        assertThat(hours.isOpenAt(at(saturday, "01:00"))).as("Friday night runs on").isTrue();
        assertThat(hours.isOpenAt(at(saturday, "20:00"))).as("the holiday itself").isFalse();
        assertThat(hours.isOpenAt(at(saturday.plusDays(1), "01:00"))).as("no Saturday night to spill").isFalse();
        assertThat(hours.periodsOf(saturday)).isEmpty();
    }

    @Test
    void specialHoursReplaceTheWeeklyOnesAndABranchOverrideBeatsTheBusinessOne() {
        // given: New Year's Eve (a Thursday) 20:00-03:00 for the business, but this branch closes at 22:00
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        List<OpeningHours> weekly = List.of(open(null, DayOfWeek.THURSDAY, "12:00", "23:00"));
        List<HourOverride> overrides = List.of(
                new HourOverride(UUID.randomUUID(), null, newYearsEve, false, LocalTime.of(20, 0), LocalTime.of(3, 0), null),
                new HourOverride(UUID.randomUUID(), BRANCH, newYearsEve, false, LocalTime.of(12, 0), LocalTime.of(22, 0),
                        null));
        BranchHours business = BranchHours.of(BEIRUT, null, weekly, overrides);
        BranchHours branch = BranchHours.of(BEIRUT, BRANCH, weekly, overrides);

        // when / then
        assertThat(business.isOpenAt(at(newYearsEve, "13:00"))).isFalse();
        assertThat(business.isOpenAt(at(newYearsEve.plusDays(1), "02:30"))).isTrue();
        assertThat(branch.isOpenAt(at(newYearsEve, "13:00"))).isTrue();
        assertThat(branch.isOpenAt(at(newYearsEve, "22:30"))).isFalse();
        assertThat(branch.isOpenAt(at(newYearsEve.plusDays(1), "02:30"))).isFalse();
    }

    @Test
    void anInstantIsReadInTheBusinesssTimeZone() {
        // given: Friday 12:00-23:00 local; Beirut is UTC+2 in December
        List<OpeningHours> weekly = List.of(open(null, DayOfWeek.FRIDAY, "12:00", "23:00"));
        BranchHours beirut = BranchHours.of(BEIRUT, BRANCH, weekly, List.of());
        BranchHours montreal = BranchHours.of(ZoneId.of("America/Montreal"), BRANCH, weekly, List.of());
        Instant elevenUtc = Instant.parse("2026-12-04T10:30:00Z");
        Instant twentyTwoUtc = Instant.parse("2026-12-04T21:30:00Z");

        // when / then
        assertThat(beirut.isOpenAt(elevenUtc)).as("12:30 in Beirut").isTrue();
        assertThat(montreal.isOpenAt(elevenUtc)).as("05:30 in Montreal").isFalse();
        assertThat(beirut.isOpenAt(twentyTwoUtc)).as("23:30 in Beirut").isFalse();
        assertThat(montreal.isOpenAt(twentyTwoUtc)).as("16:30 in Montreal").isTrue();
    }
}
