package io.dinechat.conversation.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param graphApi where Meta's Graph API is ({@code DINECHAT_WHATSAPP_GRAPH_API_URL}); the local stack points it at its simulator
 * @param replies  how replies are retried before they are marked failed
 * @param humanTakeover how long the assistant stays silent after staff answered from the Business App
 */
@ConfigurationProperties("dinechat.conversation")
public record ConversationProperties(@DefaultValue GraphApi graphApi, @DefaultValue Replies replies,
        @DefaultValue("1h") Duration humanTakeover) {

    /**
     * @param mediaTimeout  how long one media download may take
     * @param mediaMaxBytes the biggest guest file downloaded (voice notes are small; Meta allows 16 MB audio)
     */
    public record GraphApi(@DefaultValue("https://graph.facebook.com") URI baseUrl, @DefaultValue("v23.0") String version,
            @DefaultValue("5s") Duration timeout, @DefaultValue("20s") Duration mediaTimeout,
            @DefaultValue("16777216") long mediaMaxBytes) {
    }

    /**
     * @param maxAttempts     sends of one reply (each with its own quick retries) before it is marked failed
     * @param retries         quick retries of a throttled or failing call (429, 130429, 5xx) inside one attempt
     * @param retryBackoff    first backoff of those retries, doubling with jitter
     * @param perNumberRate   messages per second per business number (Meta's default throughput: 80)
     * @param coexistenceRate messages per second for numbers shared with the WhatsApp Business App (20)
     * @param window          the customer-service window opened by the guest's last message
     */
    public record Replies(@DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("3") int retries, @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("80") int perNumberRate, @DefaultValue("20") int coexistenceRate,
            @DefaultValue("24h") Duration window) {
    }
}
