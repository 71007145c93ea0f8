package io.dinechat.gateway.config;

import io.dinechat.gateway.edge.InMemoryRateLimiter;
import io.dinechat.gateway.edge.RateLimiter;
import io.dinechat.gateway.edge.RedisRateLimiter;
import io.dinechat.gateway.token.IdentityRelay;
import io.dinechat.gateway.token.ServiceTokens;
import io.dinechat.gateway.token.SigningKeys;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.messaging.TopicDeclarations;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires identity: the clock, the token signing key, the relay filter, the rate limiter's backend, the audit topic. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return SigningKeys.from(properties.tokens().signingJwk(), properties.tokens().previousPublicJwks());
    }

    @Bean
    ServiceTokens serviceTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        return new ServiceTokens(keys, properties.tokens().lifetime(), clock);
    }

    @Bean
    IdentityRelay identityRelay(ServiceTokens tokens) {
        return new IdentityRelay(tokens);
    }

    /** Every dashboard change the gateway makes (sign-up, team, act-as) is audited on audit.v1. */
    @Bean
    KafkaAdmin.NewTopics auditTopic(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(new TopicDeclarations(properties.topics().partitions(),
                properties.topics().replicas()).ordered(AuditTrail.TOPIC).toArray());
    }

    /**
     * Redis when {@code spring.data.redis.url} or {@code .host} is configured and answers at
     * startup; otherwise (a laptop without Redis) windows in this process, and a line saying so.
     */
    @Bean(destroyMethod = "")
    RateLimiter rateLimiter(Clock clock, RedisResources redis) {
        InMemoryRateLimiter local = new InMemoryRateLimiter(clock);
        if (redis.connection() == null) {
            return local;
        }
        return new RedisRateLimiter(redis.connection().reactive(), local);
    }

    @Bean(destroyMethod = "close")
    RedisResources redisResources(Environment environment) {
        String url = environment.getProperty("spring.data.redis.url", "");
        String host = environment.getProperty("spring.data.redis.host", "");
        if (url.isBlank() && host.isBlank()) {
            log.info("Rate limits are kept in memory (no spring.data.redis configured)");
            return new RedisResources(null, null);
        }
        RedisURI uri = url.isBlank()
                ? RedisURI.builder().withHost(host).withPort(environment.getProperty("spring.data.redis.port", Integer.class, 6379))
                        .withTimeout(Duration.ofSeconds(1)).build()
                : RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(1));
        String password = environment.getProperty("spring.data.redis.password", "");
        if (!password.isBlank()) {
            uri.setCredentialsProvider(io.lettuce.core.RedisCredentialsProvider.from(
                    () -> io.lettuce.core.RedisCredentials.just(null, password)));
        }
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.sync().ping();
            log.info("Rate limits are shared through Redis at {}:{}", uri.getHost(), uri.getPort());
            return new RedisResources(client, connection);
        } catch (RuntimeException unreachable) {
            log.warn("Redis at {}:{} does not answer ({}); rate limits are kept in memory", uri.getHost(), uri.getPort(),
                    unreachable.getClass().getSimpleName());
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            return new RedisResources(null, null);
        }
    }

    /** The Redis client and its connection, closed with the context. */
    record RedisResources(RedisClient client, StatefulRedisConnection<String, String> connection) implements AutoCloseable {
        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
            if (client != null) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }
}
