package io.dinechat.reservation.provider;

import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.dinechat.reservation.provider.sevenrooms.SevenRoomsProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Builds the adapter for a branch's external connection. Each connection has its own circuit
 * breaker (one restaurant's outage never trips another's) and its own cached access token; its
 * secret is decrypted only at the moment a token is requested.
 */
@Component
public class ExternalProviders {

    private final WebClient http;
    private final CredentialCipher cipher;
    private final CircuitBreakerRegistry breakers;
    private final ProviderResilience resilience;
    private final Map<UUID, SevenRoomsProvider.Token> tokens = new ConcurrentHashMap<>();

    public ExternalProviders(WebClient.Builder http, CredentialCipher cipher, ProviderResilience resilience,
            MeterRegistry meters) {
        this.http = http.build();
        this.cipher = cipher;
        this.resilience = resilience;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.window())
                .minimumNumberOfCalls(resilience.minimumCalls())
                .failureRateThreshold(resilience.failureRate())
                .slowCallDurationThreshold(resilience.slowCall())
                .slowCallRateThreshold(resilience.slowCallRate())
                .waitDurationInOpenState(resilience.openFor())
                .permittedNumberOfCallsInHalfOpenState(resilience.halfOpenCalls())
                // Only "could not reach it" counts: a provider saying "fully booked" is healthy.
                .recordExceptions(ProviderUnavailableException.class)
                .build());
        // resilience4j_circuitbreaker_state{name="reservation-provider-<connection>"}: the ProviderCircuitOpen alert.
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    public ReservationProvider connect(Connection connection) {
        return switch (connection.kind()) {
            case SevenRoomsProvider.KIND -> sevenRooms(connection);
            default -> throw new ProviderUnavailableException("unknown provider kind " + connection.kind());
        };
    }

    /** For the dashboard's connection test: authenticate afresh and ask for a day's availability. */
    public Mono<Void> test(Connection connection) {
        tokens.remove(connection.id());
        return sevenRooms(connection).probe();
    }

    public CircuitBreaker breakerOf(UUID connectionId) {
        return breakers.circuitBreaker("reservation-provider-" + connectionId);
    }

    public void forget(UUID connectionId) {
        tokens.remove(connectionId);
        breakers.remove("reservation-provider-" + connectionId);
    }

    private SevenRoomsProvider sevenRooms(Connection connection) {
        return new SevenRoomsProvider(http, connection,
                () -> cipher.decrypt(connection.tenantId(), connection.sealedSecret()),
                breakerOf(connection.id()), tokens, resilience);
    }
}
