package io.dinechat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.gateway.identity.domain.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void anAccountIsLockedAfterFiveFailuresInARowForFifteenMinutesFromTheLast() {
        List<Instant> four = failuresEvery(4, Duration.ofMinutes(1));
        List<Instant> five = failuresEvery(5, Duration.ofMinutes(1));

        assertThat(throttle.retryAfter(four, List.of(), now)).isEmpty();
        // The newest failure was a minute ago: 14 minutes to go.
        assertThat(throttle.retryAfter(five, List.of(), now)).hasValue(Duration.ofMinutes(14));
    }

    @Test
    void oldFailuresNoLongerCount() {
        List<Instant> longAgo = IntStream.range(0, 10).mapToObj(i -> now.minus(Duration.ofMinutes(20 + i))).toList();

        assertThat(throttle.retryAfter(longAgo, longAgo, now)).isEmpty();
    }

    @Test
    void anAddressGuessingAcrossAccountsIsThrottledUntilItsWindowFrees() {
        List<Instant> twenty = failuresEvery(20, Duration.ofSeconds(30));

        // The oldest of the twenty was 10 minutes ago; it leaves the 15-minute window in 5.
        assertThat(throttle.retryAfter(List.of(), twenty, now)).hasValue(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter(List.of(), twenty.subList(0, 19), now)).isEmpty();
    }

    private List<Instant> failuresEvery(int count, Duration gap) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> now.minus(gap.multipliedBy(i))).toList();
    }
}
