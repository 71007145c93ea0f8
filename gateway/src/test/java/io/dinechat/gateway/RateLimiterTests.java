package io.dinechat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dinechat.gateway.edge.InMemoryRateLimiter;
import io.dinechat.gateway.edge.RateLimiter;
import io.dinechat.gateway.edge.RedisRateLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Fixed windows, in memory and in Redis. The Redis case runs against the Redis this machine has
 * (or {@code DINECHAT_TEST_REDIS_URL}) and is skipped, saying why, where none answers.
 */
class RateLimiterTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void inMemoryWindowsRefuseOverTheLimitAndSayWhenTheyReset() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T12:00:10Z"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        RateLimiter limiter = new InMemoryRateLimiter(clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", 3, Duration.ofMinutes(1)).block().allowed()).isTrue();
        }
        var refused = limiter.acquire("a", 3, Duration.ofMinutes(1)).block();
        var otherKey = limiter.acquire("b", 3, Duration.ofMinutes(1)).block();
        now.set(Instant.parse("2026-11-23T12:01:00Z"));
        var nextWindow = limiter.acquire("a", 3, Duration.ofMinutes(1)).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(50));
        assertThat(otherKey.allowed()).isTrue();
        assertThat(nextWindow.allowed()).isTrue();
    }

    @Test
    void redisWindowsAreSharedByEveryLimiterOnTheSameRedis() {
        String url = System.getenv().getOrDefault("DINECHAT_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        RedisClient client = RedisClient.create(RedisURI.create(url));
        try {
            var connection = connectOrSkip(client, url);
            RateLimiter fallback = new InMemoryRateLimiter(Clock.systemUTC());
            RateLimiter replicaOne = new RedisRateLimiter(connection.reactive(), fallback);
            RateLimiter replicaTwo = new RedisRateLimiter(connection.reactive(), fallback);
            String key = "test:" + UUID.randomUUID();

            assertThat(replicaOne.acquire(key, 2, Duration.ofMinutes(1)).block(WAIT).allowed()).isTrue();
            assertThat(replicaTwo.acquire(key, 2, Duration.ofMinutes(1)).block(WAIT).allowed()).isTrue();
            var third = replicaOne.acquire(key, 2, Duration.ofMinutes(1)).block(WAIT);

            assertThat(third.allowed()).isFalse();
            assertThat(third.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(connection.sync().pttl("dinechat:rate:" + key)).isPositive();
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void whenRedisStopsAnsweringTheGatewayKeepsLimitingInMemory() {
        // A closed connection: every call fails at once and falls back.
        RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:6379"));
        try {
            var connection = connectOrSkip(client, "redis://127.0.0.1:6379");
            connection.close();
            RateLimiter limiter = new RedisRateLimiter(connection.reactive(), new InMemoryRateLimiter(Clock.systemUTC()));

            assertThat(limiter.acquire("gone", 1, Duration.ofMinutes(1)).block(WAIT).allowed()).isTrue();
            assertThat(limiter.acquire("gone", 1, Duration.ofMinutes(1)).block(WAIT).allowed()).isFalse();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static io.lettuce.core.api.StatefulRedisConnection<String, String> connectOrSkip(RedisClient client, String url) {
        try {
            var connection = client.connect();
            connection.sync().ping();
            return connection;
        } catch (RuntimeException unreachable) {
            assumeTrue(false, "No Redis answers at " + url + " (set DINECHAT_TEST_REDIS_URL): skipping the Redis case");
            throw unreachable;
        }
    }
}
