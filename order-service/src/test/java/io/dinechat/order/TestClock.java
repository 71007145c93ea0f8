package io.dinechat.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in component tests: a fixed instant the test sets, so opening hours and the
 * 24-hour archival delay are checked at times of the test's choosing rather than whenever CI runs.
 */
final class TestClock extends Clock {

    /** Friday 20 November 2026, 20:00 in Beirut: the demo restaurant is open (12:00-01:00). */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-11-20T18:00:00Z");

    private volatile Instant now = FRIDAY_EVENING;

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
