package io.dinechat.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the event's attributes travel as {@code ce_*}
 * headers and the record value is the JSON body alone. No Java type names ever go on the wire.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the business (tenant) the event belongs to, absent before a tenant is known. */
    public static final String TENANT_ID = "ce_tenantid";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static void write(EventEnvelope event, Headers headers) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        put(headers, TIME, event.time().toString());
        put(headers, CONTENT_TYPE, "application/json");
        if (event.tenantId() != null) {
            put(headers, TENANT_ID, event.tenantId());
        }
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
    }

    /** Reads the attributes of a received record; fails with {@link MalformedEventException} when required ones are missing. */
    public static EventAttributes read(Headers headers) {
        String id = required(headers, ID);
        String type = required(headers, TYPE);
        String source = required(headers, SOURCE);
        Instant time = optional(headers, TIME).map(CloudEventHeaders::parseTime).orElse(null);
        return new EventAttributes(id, type, source, time, optional(headers, TENANT_ID).orElse(null),
                optional(headers, SUBJECT).orElse(null));
    }

    public static Optional<String> optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        return optional(headers, name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new MalformedEventException("missing CloudEvents header " + name));
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 instant: " + value);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The attributes of a received event. */
    public record EventAttributes(String id, String type, String source, Instant time, String tenantId,
            String subject) {
    }
}
