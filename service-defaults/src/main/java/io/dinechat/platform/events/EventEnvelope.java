package io.dinechat.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event ready for a topic: CloudEvents attributes, the record key and the JSON body.
 *
 * @param id       unique per event; consumers deduplicate on it
 * @param type     reverse-DNS event type, e.g. {@code io.dinechat.whatsapp.message.received}
 * @param source   the producing service, e.g. {@code /webhook-ingest}
 * @param tenantId the business the event belongs to, or null before a tenant is known
 * @param key      the Kafka record key (conversation id, tenant id or aggregate id)
 * @param json     the body, UTF-8 JSON valid against the type's schema
 */
public record EventEnvelope(String id, String type, String source, Instant time, String tenantId, String subject,
        String key, byte[] json) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
    }

    public static EventEnvelope of(String type, String source, String tenantId, String key, byte[] json) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, source, Instant.now(), tenantId, null, key, json);
    }
}
