package io.dinechat.gateway.edge;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counts requests per key in fixed windows; shared across replicas when backed by Redis. */
public interface RateLimiter {

    /** @param allowed false once the key used up its limit; then {@code retryAfter} says when the window resets */
    record Verdict(boolean allowed, Duration retryAfter) {
    }

    Mono<Verdict> acquire(String key, long limit, Duration window);

    /** For operators and tests: "redis" or "in-memory". */
    String backend();
}
