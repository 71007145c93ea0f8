package io.dinechat.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Fixed windows in this process: exact for one replica, per replica when there are several (the
 * Redis limiter shares them). Old windows are swept as the map grows, so it stays small.
 */
public class InMemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startMillis, long count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Verdict> acquire(String key, long limit, Duration window) {
        return Mono.fromSupplier(() -> decide(key, limit, window));
    }

    Verdict decide(String key, long limit, Duration window) {
        long now = clock.millis();
        long length = window.toMillis();
        long start = now - Math.floorMod(now, length);
        Window w = windows.compute(key, (k, old) -> old == null || old.startMillis() != start
                ? new Window(start, 1) : new Window(start, old.count() + 1));
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(old -> old.startMillis() + length <= now);
        }
        if (w.count() <= limit) {
            return new Verdict(true, Duration.ZERO);
        }
        return new Verdict(false, Duration.ofMillis(start + length - now));
    }

    @Override
    public String backend() {
        return "in-memory";
    }
}
