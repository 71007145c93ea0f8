package io.dinechat.ingest.messaging;

import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.events.EventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Publishes a webhook's records and completes only when Kafka has acknowledged every one of them. */
@Component
public class WebhookPublisher {

    static final String SOURCE = "/webhook-ingest";
    private final EventPublisher events;

    public WebhookPublisher(EventPublisher events) {
        this.events = events;
    }

    public Mono<Void> publish(List<WebhookRecord> records) {
        Map<String, List<EventEnvelope>> byTopic = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (WebhookRecord record : records) {
            byTopic.computeIfAbsent(Topics.topicFor(record), t -> new ArrayList<>())
                    .add(new EventEnvelope(record.id(), record.kind().eventType(), SOURCE, now, null, null, record.key(),
                            record.json()));
        }
        return Flux.fromIterable(byTopic.entrySet()).flatMap(e -> events.publishAll(e.getKey(), e.getValue())).then();
    }

    /** Keeps a signed but unreadable body, whole, for a human: Meta retrying it would not help. */
    public Mono<Void> quarantine(byte[] body, String reason) {
        var event = new EventEnvelope(UUID.nameUUIDFromBytes(body).toString(), "io.dinechat.whatsapp.webhook.quarantined",
                SOURCE, Instant.now(), null, reason, "quarantine", body);
        return events.publish(Topics.INBOUND_QUARANTINE, event).then();
    }
}
