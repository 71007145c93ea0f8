package io.dinechat.order.catalog.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The hours of one calendar date replacing the weekly hours (a holiday, special hours), for the
 * whole business ({@code branchId} null) or one branch. Several open rows on one date are several
 * periods; {@code closesAt} at or before {@code opensAt} runs past midnight, as for weekly hours.
 */
public record HourOverride(UUID id, UUID branchId, LocalDate date, boolean closed, LocalTime opensAt,
        LocalTime closesAt, String note) {

    public HourOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        if (closed && (opensAt != null || closesAt != null)) {
            throw new IllegalArgumentException("a closed date has no hours");
        }
        if (!closed && (opensAt == null || closesAt == null)) {
            throw new IllegalArgumentException("special hours need an opening and a closing time");
        }
    }
}
