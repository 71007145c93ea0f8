package io.dinechat.conversation.application;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Paces sends per business number so Meta's throughput limit (80 messages/s by default, 20 on
 * numbers shared with the Business App) is not exceeded: each send gets the next free slot, spaced
 * 1/rate apart, and waits for it without holding a thread. Per instance: with several replicas
 * each number's conversations are spread over partitions, so configure the rate per replica.
 */
@Component
public class NumberRateLimiter {

    private final ConcurrentHashMap<String, AtomicLong> nextSlot = new ConcurrentHashMap<>();

    /** Completes when a message may be sent through {@code phoneNumberId} at {@code perSecond}. */
    public Mono<Void> permit(String phoneNumberId, int perSecond) {
        return Mono.defer(() -> {
            long interval = 1_000_000_000L / Math.max(1, perSecond);
            long now = System.nanoTime();
            long slot = nextSlot.computeIfAbsent(phoneNumberId, k -> new AtomicLong(now))
                    .getAndAccumulate(now, (next, t) -> Math.max(next, t) + interval);
            long wait = Math.max(slot, now) - now;
            return wait <= 0 ? Mono.<Void>empty() : Mono.delay(Duration.ofNanos(wait)).then();
        });
    }
}
