package io.dinechat.gateway.edge;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Fixed windows in Redis, shared by every gateway replica: one atomic script increments the
 * window's counter and starts its expiry. If Redis stops answering, the gateway keeps limiting
 * with its in-memory windows rather than failing requests or letting everything through.
 */
public class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """;
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(250);

    private final RedisReactiveCommands<String, String> redis;
    private final RateLimiter fallback;
    private final AtomicLong lastWarning = new AtomicLong();

    public RedisRateLimiter(RedisReactiveCommands<String, String> redis, RateLimiter fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    public Mono<Verdict> acquire(String key, long limit, Duration window) {
        return redis.<Object>eval(SCRIPT, ScriptOutputType.MULTI, new String[] {"dinechat:rate:" + key},
                        String.valueOf(window.toMillis()))
                .collectList()
                .timeout(ANSWER_WITHIN)
                .map(reply -> verdict(reply, limit, window))
                .onErrorResume(e -> {
                    warnAtMostEveryMinute(e);
                    return fallback.acquire(key, limit, window);
                });
    }

    private static Verdict verdict(List<Object> reply, long limit, Duration window) {
        long count = ((Number) reply.get(0)).longValue();
        long ttl = ((Number) reply.get(1)).longValue();
        if (count <= limit) {
            return new Verdict(true, Duration.ZERO);
        }
        return new Verdict(false, ttl > 0 ? Duration.ofMillis(ttl) : window);
    }

    private void warnAtMostEveryMinute(Throwable e) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis did not answer the rate limiter ({}); limiting in memory meanwhile", e.toString());
        }
    }

    @Override
    public String backend() {
        return "redis";
    }
}
