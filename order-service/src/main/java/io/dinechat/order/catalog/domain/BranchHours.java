package io.dinechat.order.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * When one branch is open, in the business's time zone. The branch's own weekly hours replace the
 * business's when it has any; for a given date, the branch's overrides replace everything, else the
 * business's overrides do, else the weekly hours of that weekday. A period whose closing time is at
 * or before its opening time runs past midnight (18:00-02:00 covers 01:30 of the next day, and
 * belongs to the day it opened: a holiday closure on the next day does not cut it short).
 */
public final class BranchHours {

    private final ZoneId zone;
    private final List<OpeningHours> weekly;
    private final List<HourOverride> branchOverrides;
    private final List<HourOverride> businessOverrides;

    private BranchHours(ZoneId zone, List<OpeningHours> weekly, List<HourOverride> branchOverrides,
            List<HourOverride> businessOverrides) {
        this.zone = zone;
        this.weekly = weekly;
        this.branchOverrides = branchOverrides;
        this.businessOverrides = businessOverrides;
    }

    public static BranchHours of(ZoneId zone, UUID branchId, List<OpeningHours> hours, List<HourOverride> overrides) {
        List<OpeningHours> own = hours.stream().filter(h -> branchId != null && branchId.equals(h.branchId())).toList();
        List<OpeningHours> weekly = own.isEmpty() ? hours.stream().filter(OpeningHours::businessWide).toList() : own;
        return new BranchHours(zone, weekly,
                overrides.stream().filter(o -> branchId != null && branchId.equals(o.branchId())).toList(),
                overrides.stream().filter(o -> o.branchId() == null).toList());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpenAt(Instant instant) {
        return isOpenAt(LocalDateTime.ofInstant(instant, zone));
    }

    /** Whether the branch is open at this local date-time of the business's zone. */
    public boolean isOpenAt(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (Period p : periodsOf(date)) {
            if (!time.isBefore(p.opens()) && (p.overnight() || time.isBefore(p.closes()))) {
                return true;
            }
        }
        for (Period p : periodsOf(date.minusDays(1))) {
            if (p.overnight() && time.isBefore(p.closes())) {
                return true;
            }
        }
        return false;
    }

    /** The opening periods of one calendar date (empty when closed), after overrides. */
    public List<Period> periodsOf(LocalDate date) {
        List<HourOverride> special = branchOverrides.stream().filter(o -> o.date().equals(date)).toList();
        if (special.isEmpty()) {
            special = businessOverrides.stream().filter(o -> o.date().equals(date)).toList();
        }
        if (!special.isEmpty()) {
            return special.stream().filter(o -> !o.closed()).map(o -> new Period(o.opensAt(), o.closesAt())).toList();
        }
        DayOfWeek day = date.getDayOfWeek();
        return weekly.stream().filter(h -> h.day() == day && !h.closed())
                .map(h -> new Period(h.opensAt(), h.closesAt())).toList();
    }

    /** One opening period; {@code closes} at or before {@code opens} means it ends the next day. */
    public record Period(LocalTime opens, LocalTime closes) {

        public boolean overnight() {
            return !closes.isAfter(opens);
        }
    }
}
