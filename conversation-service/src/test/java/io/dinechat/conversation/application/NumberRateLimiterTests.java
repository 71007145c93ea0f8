package io.dinechat.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import reactor.core.publisher.Flux;
import org.junit.jupiter.api.Test;

class NumberRateLimiterTests {

    private final NumberRateLimiter limiter = new NumberRateLimiter();

    @Test
    void sendsThroughOneNumberAreSpacedToItsRate() {
        long started = System.nanoTime();

        Flux.range(0, 21).concatMap(i -> limiter.permit("106540352242922", 100)).blockLast(Duration.ofSeconds(10));

        // 21 sends at 100/s: the last one no earlier than 20 intervals of 10 ms after the first.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(195));
    }

    @Test
    void anotherNumberIsNotHeldBackByABusyOne() {
        Flux.range(0, 50).concatMap(i -> limiter.permit("busy", 100)).subscribe(); // queues 0.5 s of sends
        long started = System.nanoTime();

        limiter.permit("quiet", 100).block(Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    }
}
