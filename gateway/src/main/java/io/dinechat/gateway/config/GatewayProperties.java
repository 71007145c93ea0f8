package io.dinechat.gateway.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service listens ({@code DINECHAT_<SERVICE>_URL}) and how long the gateway waits for it.
 */
@ConfigurationProperties("dinechat.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue Timeouts timeouts) {

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
}
