package io.dinechat.ingest.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param appSecret    Meta app secret that signs webhooks ({@code DINECHAT_WHATSAPP_APP_SECRET}); required
 * @param verifyToken  the token Meta echoes in the subscription handshake ({@code DINECHAT_WHATSAPP_VERIFY_TOKEN}); required
 * @param maxBodySize  larger bodies get 413 (Meta sends up to 3 MB)
 * @param ackTimeout   how long to wait for Kafka before answering 503 so Meta retries
 */
@ConfigurationProperties("dinechat.whatsapp")
public record IngestProperties(String appSecret, String verifyToken, @DefaultValue("3MB") DataSize maxBodySize,
        @DefaultValue("2s") Duration ackTimeout) {

    public IngestProperties {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalStateException("DINECHAT_WHATSAPP_APP_SECRET is required: webhooks cannot be verified without it");
        }
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalStateException("DINECHAT_WHATSAPP_VERIFY_TOKEN is required for Meta's subscription handshake");
        }
    }
}
