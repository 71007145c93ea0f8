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

    public record GraphApi(@DefaultValue("https://graph.facebook.com") URI baseUrl, @DefaultValue("v23.0") String version,
            @DefaultValue("5s") Duration timeout) {
    }

    public record Replies(@DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration sweepInterval) {
    }
}
