package io.dinechat.reservation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One branch's floor and what is already booked on it, around the days being looked at. It answers
 * whether a party can sit at a given time (and at which tables), which start times of a day are
 * bookable, and which bookable times lie nearest to a wanted one. Pure logic: the database still
 * has the last word (an exclusion constraint) when two guests race for the same table.
 */
public final class TableBook {

    /** The answer for one start time. */
    public sealed interface Verdict permits Bookable, Refused {
    }

    /** The party fits: these tables are held from {@code startsAt} until {@code heldUntil} (turn plus buffer). */
    public record Bookable(LocalDateTime localStart, Instant startsAt, Instant endsAt, Instant heldUntil,
            List<DiningTable> tables, boolean needsApproval) implements Verdict {
    }

    public record Refused(Refusal reason) implements Verdict {
    }

    private static final int MAX_TABLES_JOINED = 4;

    private final OpeningHours hours;
    private final BookingRules rules;
    private final List<DiningTable> tables;
    private final List<TableHold> holds;
    private final List<ArrivingParty> arrivals;

    /**
     * @param holds    the tables already taken around the days looked at, without the reservation being changed
     * @param arrivals the parties already booked around those days, without the reservation being changed
     */
    public TableBook(OpeningHours hours, BookingRules rules, List<DiningTable> tables, List<TableHold> holds,
            List<ArrivingParty> arrivals) {
        this.hours = hours;
        this.rules = rules;
        this.tables = tables.stream().sorted(Comparator.comparingInt(DiningTable::seatsMax)
                .thenComparing(DiningTable::label)).toList();
        this.holds = List.copyOf(holds);
        this.arrivals = List.copyOf(arrivals);
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public BookingRules rules() {
        return rules;
    }

    /** Whether {@code partySize} guests can be seated at {@code start} (local time), checked in the order a guest would want to hear. */
    public Verdict check(LocalDateTime start, int partySize, Instant now) {
        Optional<Refusal> general = refuseParty(partySize);
        if (general.isPresent()) {
            return new Refused(general.get());
        }
        ZoneId zone = hours.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (start.toLocalDate().isAfter(today.plusDays(rules.maxDaysAhead()))) {
            return new Refused(Refusal.of(ReasonCode.TOO_FAR_AHEAD,
                    "bookings open " + rules.maxDaysAhead() + " days ahead"));
        }
        Instant startsAt = start.atZone(zone).toInstant();
        if (startsAt.isBefore(now.plus(Duration.ofMinutes(rules.leadTimeMinutes())))) {
            return new Refused(Refusal.of(ReasonCode.TOO_SOON,
                    "bookings close " + rules.leadTimeMinutes() + " minutes before the seating"));
        }
        Duration turn = rules.turnTime(partySize);
        if (rules.blackoutDates().contains(start.toLocalDate())
                || servicesAround(start).noneMatch(o -> o.contains(start, start.plus(turn)))) {
            return new Refused(Refusal.of(ReasonCode.CLOSED, "no seating at that time"));
        }
        if (rules.maxCoversPerSlot() != null
                && coversArrivingInSlotOf(start) + partySize > rules.maxCoversPerSlot()) {
            return new Refused(Refusal.of(ReasonCode.FULLY_BOOKED, "the kitchen is full at that time"));
        }
        Instant endsAt = start.plus(turn).atZone(zone).toInstant();
        Instant heldUntil = endsAt.plus(rules.buffer());
        Optional<List<DiningTable>> seating = seat(partySize, startsAt, heldUntil);
        if (seating.isEmpty()) {
            return new Refused(Refusal.of(ReasonCode.FULLY_BOOKED, "no table free at that time"));
        }
        return new Bookable(start, startsAt, endsAt, heldUntil, seating.get(), rules.needsApproval(partySize));
    }

    /** The services a start time may fall in: its day's, and the day before's when that one runs past midnight. */
    private java.util.stream.Stream<OpeningHours.Opening> servicesAround(LocalDateTime start) {
        return java.util.stream.Stream.concat(hours.on(start.toLocalDate().minusDays(1)).stream(),
                hours.on(start.toLocalDate()).stream());
    }

    /** Every bookable start time of a day, in order. */
    public List<LocalDateTime> slots(LocalDate date, int partySize, Instant now) {
        List<LocalDateTime> slots = new ArrayList<>();
        for (LocalDateTime candidate : candidates(date)) {
            if (check(candidate, partySize, now) instanceof Bookable) {
                slots.add(candidate);
            }
        }
        return slots;
    }

    /**
     * Why a day has no bookable time: the most telling refusal among its candidate times (closed
     * beats everything when the restaurant does not open; full when it opens but no table is free).
     */
    public Refusal whyNoSlots(LocalDate date, int partySize, Instant now) {
        Optional<Refusal> general = refuseParty(partySize);
        if (general.isPresent()) {
            return general.get();
        }
        List<LocalDateTime> candidates = candidates(date);
        if (candidates.isEmpty() || rules.blackoutDates().contains(date)) {
            return Refusal.of(ReasonCode.CLOSED, "closed on " + date);
        }
        Map<ReasonCode, Refusal> seen = new LinkedHashMap<>();
        for (LocalDateTime candidate : candidates) {
            if (check(candidate, partySize, now) instanceof Refused refused) {
                seen.putIfAbsent(refused.reason().code(), refused.reason());
            }
        }
        for (ReasonCode code : List.of(ReasonCode.FULLY_BOOKED, ReasonCode.TOO_FAR_AHEAD, ReasonCode.TOO_SOON,
                ReasonCode.CLOSED)) {
            if (seen.containsKey(code)) {
                return seen.get(code);
            }
        }
        return Refusal.of(ReasonCode.FULLY_BOOKED, "no table free that day");
    }

    /** Up to {@code max} bookable times nearest to the wanted one, searching that day and the following ones. */
    public List<LocalDateTime> nearest(LocalDateTime wanted, int partySize, Instant now, int max, int daysAfter) {
        List<LocalDateTime> found = new ArrayList<>(slots(wanted.toLocalDate(), partySize, now));
        found.sort(Comparator.comparing((LocalDateTime t) -> Math.abs(Duration.between(wanted, t).toMinutes()))
                .thenComparing(t -> t));
        List<LocalDateTime> picked = new ArrayList<>(found.subList(0, Math.min(max, found.size())));
        for (int day = 1; day <= daysAfter && picked.size() < max; day++) {
            for (LocalDateTime t : slots(wanted.toLocalDate().plusDays(day), partySize, now)) {
                if (picked.size() < max) {
                    picked.add(t);
                }
            }
        }
        picked.sort(Comparator.naturalOrder());
        return picked;
    }

    /** The start times a day offers: the slot grid of each service, from opening time. */
    public List<LocalDateTime> candidates(LocalDate date) {
        List<LocalDateTime> out = new ArrayList<>();
        for (OpeningHours.Opening opening : hours.on(date)) {
            for (LocalDateTime t = opening.opensAt(); t.isBefore(opening.closesAt());
                    t = t.plusMinutes(rules.slotMinutes())) {
                out.add(t);
            }
        }
        return out;
    }

    private Optional<Refusal> refuseParty(int partySize) {
        if (partySize <= 0) {
            return Optional.of(Refusal.of(ReasonCode.INVALID, "a party needs at least one guest"));
        }
        if (partySize > rules.maxPartySize() || partySize > largestSeating()) {
            return Optional.of(Refusal.of(ReasonCode.PARTY_TOO_LARGE,
                    "parties of more than " + Math.min(rules.maxPartySize(), largestSeating())
                            + " are arranged with the staff"));
        }
        return Optional.empty();
    }

    /** The most guests the floor can seat together: one table, or one group of joinable tables. */
    private int largestSeating() {
        int best = 0;
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (DiningTable t : tables) {
            best = Math.max(best, t.seatsMax());
            if (t.combinable() && t.combinationGroup() != null) {
                groups.merge(t.combinationGroup(), t.seatsMax(), Integer::sum);
            }
        }
        for (int seats : groups.values()) {
            best = Math.max(best, seats);
        }
        return best;
    }

    private int coversArrivingInSlotOf(LocalDateTime start) {
        LocalDateTime slotStart = start.minusMinutes(
                (start.getHour() * 60L + start.getMinute()) % rules.slotMinutes()).withSecond(0).withNano(0);
        Instant from = slotStart.atZone(hours.zone()).toInstant();
        Instant to = slotStart.plusMinutes(rules.slotMinutes()).atZone(hours.zone()).toInstant();
        return arrivals.stream()
                .filter(a -> !a.startsAt().isBefore(from) && a.startsAt().isBefore(to))
                .mapToInt(ArrivingParty::partySize).sum();
    }

    /** The best free seating: the snuggest single table, else the fewest joinable tables wasting the fewest seats. */
    Optional<List<DiningTable>> seat(int partySize, Instant from, Instant to) {
        List<DiningTable> free = tables.stream().filter(t -> isFree(t.id(), from, to)).toList();
        for (DiningTable t : free) {
            if (t.seats(partySize)) {
                return Optional.of(List.of(t));
            }
        }
        Map<String, List<DiningTable>> groups = new LinkedHashMap<>();
        for (DiningTable t : free) {
            if (t.combinable() && t.combinationGroup() != null) {
                groups.computeIfAbsent(t.combinationGroup(), g -> new ArrayList<>()).add(t);
            }
        }
        List<DiningTable> best = null;
        for (List<DiningTable> group : groups.values()) {
            List<DiningTable> candidate = smallestCombination(group, partySize);
            if (candidate != null && (best == null || better(candidate, best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(List<DiningTable> a, List<DiningTable> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        return seats(a) < seats(b);
    }

    private static int seats(List<DiningTable> tables) {
        return tables.stream().mapToInt(DiningTable::seatsMax).sum();
    }

    private static List<DiningTable> smallestCombination(List<DiningTable> group, int partySize) {
        int n = Math.min(group.size(), 16);
        List<DiningTable> best = null;
        for (int mask = 1; mask < (1 << n); mask++) {
            int count = Integer.bitCount(mask);
            if (count < 2 || count > MAX_TABLES_JOINED) {
                continue;
            }
            List<DiningTable> pick = new ArrayList<>(count);
            int min = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    pick.add(group.get(i));
                    min += group.get(i).seatsMin();
                }
            }
            if (seats(pick) >= partySize && min <= partySize && (best == null || better(pick, best))) {
                best = pick;
            }
        }
        return best;
    }

    private boolean isFree(UUID tableId, Instant from, Instant to) {
        return holds.stream().noneMatch(h -> h.tableId().equals(tableId) && h.overlaps(from, to));
    }
}
