package io.dinechat.reservation.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a branch serves, in its own time zone: weekly hours plus date overrides (holidays, special
 * hours). A day may have several services (lunch, dinner); a service whose closing time is earlier
 * than its opening time ends after midnight and belongs to the day it opened.
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Service>> weekly, Map<LocalDate, DayOverride> overrides) {

    /** One service of a day, e.g. 12:00-15:00. */
    public record Service(LocalTime opensAt, LocalTime closesAt) {
    }

    /** A date that differs from the weekly hours: closed, or open at other times. */
    public record DayOverride(boolean closed, List<Service> services) {
    }

    /** A service on a concrete date, as local date-times. */
    public record Opening(LocalDateTime opensAt, LocalDateTime closesAt) {

        public boolean contains(LocalDateTime start, LocalDateTime end) {
            return !start.isBefore(opensAt) && !end.isAfter(closesAt);
        }
    }

    public OpeningHours {
        weekly = Map.copyOf(weekly);
        overrides = Map.copyOf(overrides);
    }

    public static OpeningHours closed(ZoneId zone) {
        return new OpeningHours(zone, Map.of(), Map.of());
    }

    public List<Opening> on(LocalDate date) {
        DayOverride override = overrides.get(date);
        List<Service> services = override != null
                ? (override.closed() ? List.of() : override.services())
                : weekly.getOrDefault(date.getDayOfWeek(), List.of());
        List<Opening> openings = new ArrayList<>();
        for (Service s : services) {
            LocalDateTime opens = date.atTime(s.opensAt());
            LocalDateTime closes = s.closesAt().isAfter(s.opensAt()) ? date.atTime(s.closesAt())
                    : date.plusDays(1).atTime(s.closesAt());
            openings.add(new Opening(opens, closes));
        }
        openings.sort((a, b) -> a.opensAt().compareTo(b.opensAt()));
        return openings;
    }
}
