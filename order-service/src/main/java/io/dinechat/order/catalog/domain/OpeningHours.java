package io.dinechat.order.catalog.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The hours of one day of the week, for the whole business ({@code branchId} null) or one branch.
 * A day may have several (lunch and dinner). {@code closesAt} before {@code opensAt} means the day
 * ends past midnight (Friday 12:00-01:00 closes on Saturday at 01:00).
 */
public record OpeningHours(UUID id, UUID branchId, DayOfWeek day, LocalTime opensAt, LocalTime closesAt,
        boolean closed) {

    public OpeningHours {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        if (closed && (opensAt != null || closesAt != null)) {
            throw new IllegalArgumentException("a closed day has no hours");
        }
        if (!closed && (opensAt == null || closesAt == null)) {
            throw new IllegalArgumentException("an open day needs an opening and a closing time");
        }
    }

    public static OpeningHours open(UUID id, UUID branchId, DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
        return new OpeningHours(id, branchId, day, opensAt, closesAt, false);
    }

    public static OpeningHours closedAllDay(UUID id, UUID branchId, DayOfWeek day) {
        return new OpeningHours(id, branchId, day, null, null, true);
    }

    public boolean businessWide() {
        return branchId == null;
    }

    public boolean pastMidnight() {
        return !closed && closesAt.isBefore(opensAt);
    }
}
