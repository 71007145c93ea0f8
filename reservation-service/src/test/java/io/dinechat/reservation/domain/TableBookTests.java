package io.dinechat.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.reservation.domain.OpeningHours.DayOverride;
import io.dinechat.reservation.domain.OpeningHours.Service;
import io.dinechat.reservation.domain.TableBook.Bookable;
import io.dinechat.reservation.domain.TableBook.Refused;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableBookTests {

    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    /** A Friday. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 18);
    private static final Instant NOW = LocalDateTime.of(2026, 12, 10, 12, 0).atZone(BEIRUT).toInstant();
    private static final OpeningHours DINNER = new OpeningHours(BEIRUT,
            Map.of(DayOfWeek.FRIDAY, List.of(new Service(LocalTime.of(18, 0), LocalTime.of(23, 0))),
                    DayOfWeek.SATURDAY, List.of(new Service(LocalTime.of(18, 0), LocalTime.of(23, 0)))),
            Map.of());
    private static final BookingRules RULES = BookingRules.defaults();

    private final DiningTable twoTop = table("T1", 1, 2, false, null);
    private final DiningTable fourTop = table("T2", 2, 4, false, null);

    @Test
    void aBookingHoldsItsTableForTheTurnPlusBufferSoOverlappingTimesAreFullAndLaterOnesFree() {
        // given: a four-top booked 19:00 for four (120 min turn + 15 min buffer: held until 21:15)
        LocalDateTime seven = FRIDAY.atTime(19, 0);
        TableBook empty = new TableBook(DINNER, RULES, List.of(fourTop), List.of(), List.of());
        Bookable first = (Bookable) empty.check(seven, 4, NOW);
        TableBook book = new TableBook(DINNER, RULES, List.of(fourTop),
                List.of(new TableHold(UUID.randomUUID(), fourTop.id(), first.startsAt(), first.heldUntil())),
                List.of());

        // when
        var overlapping = book.check(FRIDAY.atTime(21, 0), 2, NOW);
        var afterBuffer = book.check(FRIDAY.atTime(21, 15), 2, NOW);
        var before = book.check(FRIDAY.atTime(18, 0), 2, NOW);

        // then
        assertThat(first.heldUntil()).isEqualTo(FRIDAY.atTime(21, 15).atZone(BEIRUT).toInstant());
        assertThat(overlapping).isInstanceOf(Refused.class);
        assertThat(((Refused) overlapping).reason().code()).isEqualTo(ReasonCode.FULLY_BOOKED);
        assertThat(afterBuffer).isInstanceOf(Bookable.class);
        // 18:00 for two: 90 min turn + 15 buffer ends 19:45, overlapping the 19:00 seating
        assertThat(before).isInstanceOf(Refused.class);
        assertThat(book.slots(FRIDAY, 2, NOW)).first().isEqualTo(FRIDAY.atTime(21, 15));
    }

    @Test
    void theSnuggestTableIsChosenAndAnotherPartyStillFitsTheOther() {
        // given
        TableBook book = new TableBook(DINNER, RULES, List.of(fourTop, twoTop), List.of(), List.of());

        // when
        Bookable couple = (Bookable) book.check(FRIDAY.atTime(20, 0), 2, NOW);
        TableBook after = new TableBook(DINNER, RULES, List.of(fourTop, twoTop),
                List.of(new TableHold(UUID.randomUUID(), couple.tables().getFirst().id(), couple.startsAt(),
                        couple.heldUntil())), List.of());
        var secondCouple = after.check(FRIDAY.atTime(20, 0), 2, NOW);
        var family = after.check(FRIDAY.atTime(20, 0), 4, NOW);

        // then
        assertThat(couple.tables()).containsExactly(twoTop);
        assertThat(((Bookable) secondCouple).tables()).containsExactly(fourTop);
        assertThat(family).isInstanceOf(Bookable.class);
    }

    @Test
    void joinableTablesSeatALargerPartyButOnlyWithinTheirGroup() {
        // given
        DiningTable a = table("A1", 2, 4, true, "terrace");
        DiningTable b = table("A2", 2, 4, true, "terrace");
        DiningTable c = table("B1", 2, 4, true, "hall");
        TableBook book = new TableBook(DINNER, RULES, List.of(a, b, c), List.of(), List.of());

        // when
        Bookable eight = (Bookable) book.check(FRIDAY.atTime(20, 0), 8, NOW);
        var twelve = book.check(FRIDAY.atTime(20, 0), 12, NOW);

        // then
        assertThat(eight.tables()).hasSize(2).allMatch(t -> "terrace".equals(t.combinationGroup()));
        assertThat(((Refused) twelve).reason().code()).isEqualTo(ReasonCode.PARTY_TOO_LARGE);
    }

    @Test
    void leadTimeMaxDaysAheadOpeningHoursBlackoutsAndOverridesAreRespected() {
        // given
        BookingRules rules = new BookingRules(15, 15, RULES.turnTimes(), null, 120, 30, 12, null,
                Set.of(FRIDAY.plusDays(7)));
        OpeningHours hours = new OpeningHours(BEIRUT, DINNER.weekly(),
                Map.of(FRIDAY.plusDays(1), new DayOverride(true, List.of())));
        TableBook book = new TableBook(hours, rules, List.of(fourTop), List.of(), List.of());
        Instant fridayAt1730 = FRIDAY.atTime(17, 30).atZone(BEIRUT).toInstant();

        // when / then
        assertThat(code(book.check(FRIDAY.atTime(19, 0), 2, fridayAt1730))).isEqualTo(ReasonCode.TOO_SOON);
        assertThat(book.check(FRIDAY.atTime(19, 30), 2, fridayAt1730)).isInstanceOf(Bookable.class);
        assertThat(code(book.check(FRIDAY.atTime(17, 0), 2, NOW))).isEqualTo(ReasonCode.CLOSED);
        // a 2 h turn for four cannot start at 22:00 when the kitchen closes at 23:00
        assertThat(code(book.check(FRIDAY.atTime(22, 0), 4, NOW))).isEqualTo(ReasonCode.CLOSED);
        assertThat(code(book.check(FRIDAY.plusDays(1).atTime(19, 0), 2, NOW))).isEqualTo(ReasonCode.CLOSED);
        assertThat(code(book.check(FRIDAY.plusDays(7).atTime(19, 0), 2, NOW))).isEqualTo(ReasonCode.CLOSED);
        assertThat(code(book.check(FRIDAY.plusDays(35).atTime(19, 0), 2, NOW))).isEqualTo(ReasonCode.TOO_FAR_AHEAD);
        assertThat(book.whyNoSlots(FRIDAY.plusDays(1), 2, NOW).code()).isEqualTo(ReasonCode.CLOSED);
    }

    @Test
    void coversPerSlotCapTheKitchenEvenWhenTablesAreFree() {
        // given: 6 covers per slot, 4 already arriving at 19:00
        BookingRules rules = new BookingRules(15, 15, RULES.turnTimes(), 6, 60, 60, 12, null, Set.of());
        Instant seven = FRIDAY.atTime(19, 0).atZone(BEIRUT).toInstant();
        List<DiningTable> floor = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            floor.add(table("F" + i, 1, 4, false, null));
        }
        TableBook book = new TableBook(DINNER, rules, floor, List.of(),
                List.of(new ArrivingParty(UUID.randomUUID(), seven, 4)));

        // when / then
        assertThat(code(book.check(FRIDAY.atTime(19, 0), 3, NOW))).isEqualTo(ReasonCode.FULLY_BOOKED);
        assertThat(book.check(FRIDAY.atTime(19, 0), 2, NOW)).isInstanceOf(Bookable.class);
        assertThat(book.check(FRIDAY.atTime(19, 15), 3, NOW)).isInstanceOf(Bookable.class);
    }

    @Test
    void nearestAlternativesSurroundTheWantedTime() {
        // given: the only table is held 19:00-21:15
        Instant from = FRIDAY.atTime(19, 0).atZone(BEIRUT).toInstant();
        TableBook book = new TableBook(DINNER, RULES, List.of(fourTop),
                List.of(new TableHold(UUID.randomUUID(), fourTop.id(), from, from.plusSeconds(135 * 60))), List.of());

        // when
        List<LocalDateTime> nearest = book.nearest(FRIDAY.atTime(20, 0), 2, NOW, 3, 1);

        // then: 18:00 would clash (held until 19:45); 21:45 would end after closing, so Saturday opens the list
        assertThat(nearest).containsExactly(FRIDAY.atTime(21, 15), FRIDAY.atTime(21, 30), FRIDAY.plusDays(1).atTime(18, 0));
    }

    @Test
    void servicesPastMidnightBelongToTheDayTheyOpened() {
        // given
        OpeningHours late = new OpeningHours(BEIRUT,
                Map.of(DayOfWeek.FRIDAY, List.of(new Service(LocalTime.of(20, 0), LocalTime.of(2, 0)))), Map.of());
        TableBook book = new TableBook(late, RULES, List.of(fourTop), List.of(), List.of());

        // when / then
        assertThat(book.check(FRIDAY.plusDays(1).atTime(0, 0), 2, NOW)).isInstanceOf(Bookable.class);
        assertThat(book.slots(FRIDAY, 2, NOW)).last().isEqualTo(FRIDAY.plusDays(1).atTime(0, 30));
    }

    private static ReasonCode code(TableBook.Verdict verdict) {
        return ((Refused) verdict).reason().code();
    }

    private static DiningTable table(String label, int min, int max, boolean combinable, String group) {
        return new DiningTable(UUID.randomUUID(), null, label, min, max, combinable, group);
    }
}
