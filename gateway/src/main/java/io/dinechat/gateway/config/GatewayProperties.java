package io.dinechat.gateway.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where each service listens ({@code DINECHAT_<SERVICE>_URL}), how long the gateway waits for it,
 * and the edge's hardening: the dashboard's origin (the only one CORS admits), body size limits,
 * rate limits, and whether a load balancer in front may be trusted for the client's address.
 */
@ConfigurationProperties("dinechat.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue Timeouts timeouts,
        @DefaultValue("http://localhost:8080") String dashboardOrigin,
        @DefaultValue("false") boolean trustForwardedFor,
        @DefaultValue BodyLimits bodyLimits,
        @DefaultValue RateLimits rateLimits) {

    public record Services(
            @DefaultValue("http://localhost:8081") URI webhookIngest,
            @DefaultValue("http://localhost:8082") URI conversationService,
            @DefaultValue("http://localhost:8083") URI reservationService,
            @DefaultValue("http://localhost:8084") URI orderService,
            @DefaultValue("http://localhost:8085") URI archiveService,
            @DefaultValue("http://localhost:8086") URI billingService) {
    }

    /** Webhooks must answer Meta well inside its own timeout; the dashboard API may take a little longer. */
    public record Timeouts(@DefaultValue("1s") Duration connect, @DefaultValue("5s") Duration webhook,
            @DefaultValue("10s") Duration api) {
    }

    /** Webhook bodies may be larger (Meta batches); webhook-ingest applies its own 3 MB limit behind this one. */
    public record BodyLimits(@DefaultValue("1MB") DataSize api, @DefaultValue("4MB") DataSize webhook) {
    }

    /**
     * Requests per window. The API is limited per client address and per business; webhooks per
     * address only, generously, because Meta delivers bursts from few addresses and a dropped
     * webhook is retried for days at best.
     */
    public record RateLimits(@DefaultValue("1m") Duration window,
            @DefaultValue("300") long apiPerAddress,
            @DefaultValue("1200") long apiPerTenant,
            @DefaultValue("6000") long webhooksPerAddress) {
    }
}
