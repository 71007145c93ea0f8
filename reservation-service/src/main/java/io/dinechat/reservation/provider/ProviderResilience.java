package io.dinechat.reservation.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patient DineChat is with an external reservation platform, tuned for a guest waiting in a
 * chat (resilience4j's defaults wait 60 s for a slow call and 100 calls before tripping: far too
 * lax). Every value has a {@code DINECHAT_RESERVATIONS_PROVIDER_*} variable.
 *
 * @param slowCall             a call slower than this counts against the provider
 * @param slowCallRate         percentage of slow calls that opens the circuit
 * @param failureRate          percentage of failed calls that opens the circuit
 * @param window               calls remembered to compute the rates
 * @param minimumCalls         calls needed before the rates count
 * @param openFor              how long the circuit stays open before letting probes through
 * @param halfOpenCalls        probe calls while half open
 * @param retries              extra attempts for idempotent calls (availability, get, cancel, auth)
 * @param retryBackoff         wait before the first extra attempt
 */
@ConfigurationProperties("dinechat.reservations.provider")
public record ProviderResilience(
        @DefaultValue("2s") Duration slowCall,
        @DefaultValue("80") float slowCallRate,
        @DefaultValue("50") float failureRate,
        @DefaultValue("10") int window,
        @DefaultValue("4") int minimumCalls,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("2") int halfOpenCalls,
        @DefaultValue("1") int retries,
        @DefaultValue("200ms") Duration retryBackoff) {
}
