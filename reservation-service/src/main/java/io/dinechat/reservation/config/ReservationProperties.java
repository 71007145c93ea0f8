package io.dinechat.reservation.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * reservation-service's own settings ({@code DINECHAT_RESERVATIONS_*}).
 *
 * @param reminders when guests are reminded of their booking, and how often the scheduler looks
 * @param retention how long reservations and command replies are kept
 */
@ConfigurationProperties("dinechat.reservations")
public record ReservationProperties(@DefaultValue Reminders reminders, @DefaultValue Retention retention) {

    /** @param offsets before the seating, e.g. 24h and 2h ({@code DINECHAT_RESERVATIONS_REMINDERS_OFFSETS=24h,2h}) */
    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue({"24h", "2h"}) List<Duration> offsets,
            @DefaultValue("1m") Duration interval) {
    }

    /**
     * @param keepReservations 24 months after the seating, then deleted (with their tables and reminders)
     * @param keepReplies      command replies only serve redelivered commands
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("P24M") Period keepReservations,
            @DefaultValue("30d") Duration keepReplies, @DefaultValue("1h") Duration interval) {
    }
}
