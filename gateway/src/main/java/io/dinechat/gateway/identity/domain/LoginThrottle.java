package io.dinechat.gateway.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing. An account (by email, whether or not it exists, so the answer
 * reveals nothing) is locked for {@code lockout} after {@code accountFailures} failures in a row
 * within that time; a client address is throttled after {@code addressFailures} failures within
 * {@code window}, whatever accounts it tried.
 */
public record LoginThrottle(int accountFailures, Duration lockout, int addressFailures, Duration window) {

    /**
     * @param accountFailuresSinceSuccess failed attempts on this email since its last success, newest last or in any order
     * @param addressFailures             failed attempts from this client address within the window
     * @return how long the caller must wait, when it must
     */
    public Optional<Duration> retryAfter(List<Instant> accountFailuresSinceSuccess, List<Instant> addressFailures,
            Instant now) {
        Duration wait = Duration.ZERO;
        List<Instant> account = accountFailuresSinceSuccess.stream().filter(at -> at.isAfter(now.minus(lockout)))
                .sorted().toList();
        if (account.size() >= accountFailures) {
            // Every further failure while locked extends the lock: it runs from the newest failure.
            wait = max(wait, Duration.between(now, account.getLast().plus(lockout)));
        }
        List<Instant> address = addressFailures.stream().filter(at -> at.isAfter(now.minus(window)))
                .sorted(Comparator.reverseOrder()).toList();
        if (address.size() >= this.addressFailures) {
            // The window frees up when the oldest failure that keeps it full falls out of it.
            Instant oldestCounted = address.get(this.addressFailures - 1);
            wait = max(wait, Duration.between(now, oldestCounted.plus(window)));
        }
        if (wait.isZero() || wait.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
