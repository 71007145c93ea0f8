package io.dinechat.ingest.web;

import io.dinechat.ingest.domain.WebhookRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What ops watch on the edge: webhooks received, rejected by reason, quarantined, records published
 * per kind and type, and how long Kafka took to acknowledge a webhook's records (a histogram, so
 * p99 can be computed across replicas). Types outside Meta's known vocabulary count as "other" so
 * a new or odd type cannot blow up the number of series.
 */
@Component
class WebhookMetrics {

    static final String RECEIVED = "dinechat.webhook.received";
    static final String REJECTED = "dinechat.webhook.rejected";
    static final String QUARANTINED = "dinechat.webhook.quarantined";
    static final String PUBLISHED = "dinechat.webhook.published";
    static final String PUBLISH_LATENCY = "dinechat.webhook.publish.latency";

    private static final Set<String> KNOWN_TYPES = Set.of("text", "audio", "image", "video", "document", "sticker",
            "location", "contacts", "reaction", "interactive", "button", "order", "system", "unsupported", "request_welcome",
            "sent", "delivered", "read", "failed", "deleted", "warning",
            "messages", "smb_message_echoes", "smb_app_state_sync", "history", "account_update", "account_alerts",
            "message_template_status_update", "phone_number_quality_update", "user_preferences", "security");

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter quarantined;
    private final Timer publishLatency;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder(RECEIVED).description("POSTed webhooks, before any check").register(registry);
        this.quarantined = Counter.builder(QUARANTINED)
                .description("signed webhooks we could not read, kept whole on the quarantine topic").register(registry);
        this.publishLatency = Timer.builder(PUBLISH_LATENCY)
                .description("from the first record sent to the last acknowledged by Kafka, per webhook")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    void received() {
        received.increment();
    }

    /** @param reason signature, too_large, kafka_unavailable */
    void rejected(String reason) {
        registry.counter(REJECTED, "reason", reason).increment();
    }

    void quarantined() {
        quarantined.increment();
    }

    void published(List<WebhookRecord> records, Duration took) {
        publishLatency.record(took);
        for (WebhookRecord record : records) {
            String type = record.type() == null ? "none" : record.type().toLowerCase(Locale.ROOT);
            registry.counter(PUBLISHED, "kind", record.kind().name().toLowerCase(Locale.ROOT),
                    "type", KNOWN_TYPES.contains(type) ? type : "other").increment();
        }
    }
}
