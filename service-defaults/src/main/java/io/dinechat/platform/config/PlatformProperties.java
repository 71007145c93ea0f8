package io.dinechat.platform.config;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares; each has a safe local default and an environment variable
 * ({@code DINECHAT_TOPICS_PARTITIONS}, {@code DINECHAT_CREDENTIALS_KEYSET}, ...).
 */
@ConfigurationProperties("dinechat")
public record PlatformProperties(
        @DefaultValue Topics topics,
        @DefaultValue Consumer consumer,
        @DefaultValue Outbox outbox,
        @DefaultValue Tenancy tenancy,
        @DefaultValue Credentials credentials,
        @DefaultValue Identity identity) {

    /** Partitions bound consumer parallelism; production uses 3 replicas (see k8s). */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }

    /** Bounded in-place retries before a record goes to its dead-letter topic. */
    public record Consumer(@DefaultValue("4") int maxRetries, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff) {
    }

    public record Outbox(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize) {
    }

    public record Tenancy(@DefaultValue("true") boolean guardEnabled,
            @DefaultValue({"outbox", "processed_events"}) Set<String> sharedTables) {
    }

    /**
     * Where the gateway's token-signing public keys come from: its JWKS URL, or an inline JWK set
     * (tests, pinned keys). {@code enabled=false} only for the gateway itself, which mints tokens.
     */
    public record Identity(@DefaultValue("true") boolean enabled,
            @DefaultValue("http://localhost:8080/.well-known/jwks.json") String jwksUri,
            @DefaultValue("") String jwkSet) {
    }

    /**
     * A Tink JSON keyset; when empty a throwaway key is generated and stored credentials die with the
     * process, unless {@code requireKeyset} (set in every deployed environment) refuses to start.
     */
    public record Credentials(@DefaultValue("") String keyset, @DefaultValue("false") boolean requireKeyset) {
    }
}
