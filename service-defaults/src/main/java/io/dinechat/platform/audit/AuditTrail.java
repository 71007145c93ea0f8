package io.dinechat.platform.audit;

import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records who changed what in a business, as an {@code io.dinechat.audit.recorded} event on
 * {@code audit.v1}. It goes through the outbox, so call it inside the same tenant transaction as
 * the change: the change and its audit record commit together or not at all.
 */
public class AuditTrail {

    public static final String TOPIC = "audit.v1";
    public static final String TYPE = "io.dinechat.audit.recorded";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Outbox outbox;
    private final String source;
    private final Clock clock;

    public AuditTrail(Outbox outbox, String serviceName, Clock clock) {
        this.outbox = outbox;
        this.source = "/" + serviceName;
        this.clock = clock;
    }

    /**
     * @param action     what happened, {@code <entity>.<verb>}, e.g. {@code menu_item.updated}
     * @param before     the entity before the change (a record, map or JsonNode), or null when created
     * @param after      the entity after the change, or null when deleted
     */
    public Mono<Void> record(Actor actor, String action, String entityType, Object entityId, Object before,
            Object after) {
        return Mono.defer(() -> outbox.append(TOPIC, envelope(actor, action, entityType, entityId, before, after)));
    }

    /** The event {@link #record} appends, built here so its body can be checked against the schema. */
    public EventEnvelope envelope(Actor actor, String action, String entityType, Object entityId, Object before,
            Object after) {
        Instant at = clock.instant();
        Map<String, Object> actorJson = new LinkedHashMap<>();
        actorJson.put("userId", actor.userId().toString());
        actorJson.put("role", actor.role().claim());
        actorJson.put("actingAs", actor.actingAs());
        Map<String, Object> body = new LinkedHashMap<>();
        UUID auditId = UUID.randomUUID();
        body.put("auditId", auditId.toString());
        body.put("tenantId", actor.tenantId().toString());
        body.put("actor", actorJson);
        body.put("action", action);
        body.put("entityType", entityType);
        body.put("entityId", String.valueOf(entityId));
        body.put("before", before == null ? null : JSON.valueToTree(before));
        body.put("after", after == null ? null : JSON.valueToTree(after));
        body.put("clientAddress", actor.clientAddress());
        body.put("at", at.toString());
        String tenant = actor.tenantId().toString();
        return new EventEnvelope(auditId.toString(), TYPE, source, at, tenant, action, tenant,
                JSON.writeValueAsBytes(body));
    }
}
