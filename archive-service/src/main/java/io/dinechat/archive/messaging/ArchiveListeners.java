package io.dinechat.archive.messaging;

import io.dinechat.archive.application.MessageArchiving;
import io.dinechat.archive.application.MessageArchiving.LoggedMessage;
import io.dinechat.archive.application.OrderArchiving;
import io.dinechat.archive.domain.TenantPlan;
import io.dinechat.archive.persistence.AuditLogs;
import io.dinechat.archive.persistence.AuditLogs.AuditEntry;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.archive.persistence.TenantPlans;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every topic the archive keeps. Each record is stored to the end (and, for orders,
 * acknowledged) before the next of its partition: the consumer thread waits, never an event loop.
 * Every write is an upsert by the record's own identity, so redeliveries change nothing.
 */
@Component
class ArchiveListeners {

    static final String ARCHIVE_REQUESTED = "io.dinechat.order.archive.requested";
    static final String MESSAGE_LOGGED = "io.dinechat.conversation.message.logged";
    static final String TURN_HANDLED = "io.dinechat.conversation.turn.handled";
    static final String HANDOFF_CHANGED = "io.dinechat.conversation.handoff.changed";
    static final String WHATSAPP_RECEIVED = "io.dinechat.whatsapp.message.received";
    static final String WHATSAPP_ECHOED = "io.dinechat.whatsapp.message.echoed";
    static final String AUDIT_RECORDED = "io.dinechat.audit.recorded";
    static final String PLAN_CHANGED = "io.dinechat.billing.plan.changed";
    static final String CATALOG_PUBLISHED = "io.dinechat.catalog.snapshot.published";

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final OrderArchiving orders;
    private final MessageArchiving messages;
    private final AuditLogs audit;
    private final TenantPlans plans;
    private final BusinessProfiles profiles;
    private final JsonMapper json;

    ArchiveListeners(OrderArchiving orders, MessageArchiving messages, AuditLogs audit, TenantPlans plans,
            BusinessProfiles profiles, JsonMapper json) {
        this.orders = orders;
        this.messages = messages;
        this.audit = audit;
        this.plans = plans;
        this.profiles = profiles;
        this.json = json;
    }

    @KafkaListener(id = "archive-orders", topics = Topics.ORDER_ARCHIVE, groupId = Topics.GROUP)
    void onArchiveRequested(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!ARCHIVE_REQUESTED.equals(event.type())) {
            return; // a newer event type this version does not know: skip, do not fail
        }
        JsonNode body = json.readTree(event.json());
        String tenantId = uuid(body, "tenantId");
        String orderId = uuid(body, "orderId");
        sameTenant(event, tenantId);
        required(body, "placedAt");
        required(body, "status");
        orders.archive(tenantId, orderId, Document.parse(new String(event.json(), StandardCharsets.UTF_8)))
                .block(LIMIT);
    }

    @KafkaListener(id = "archive-conversations", topics = Topics.CONVERSATION_EVENTS, groupId = Topics.GROUP)
    void onConversationEvent(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (TURN_HANDLED.equals(event.type()) || HANDOFF_CHANGED.equals(event.type())) {
            onConversationRecord(event);
            return;
        }
        if (!MESSAGE_LOGGED.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        String tenantId = uuid(body, "tenantId");
        sameTenant(event, tenantId);
        String conversationKey = required(body, "conversationKey");
        int colon = conversationKey.indexOf(':');
        if (colon < 1) {
            throw new MalformedEventException("conversationKey is not <phone_number_id>:<wa_id>");
        }
        JsonNode tokens = body.path("tokens");
        messages.logged(new LoggedMessage(tenantId, conversationKey, conversationKey.substring(0, colon),
                conversationKey.substring(colon + 1), null, required(body, "direction"), text(body, "author"),
                text(body, "type"), text(body, "text"), text(body, "whatsappMessageId"), required(body, "messageId"),
                instant(body, "at"), text(body, "engine"),
                body.path("modelAnswered").isBoolean() ? body.path("modelAnswered").asBoolean() : null,
                tokens.isNumber() ? (Object) tokens.asLong() : tokens.isObject() ? Document.parse(tokens.toString()) : null,
                body.path("latencyMs").isNumber() ? body.path("latencyMs").asLong() : null, false))
                .block(LIMIT);
    }

    /** A turn (engine, intent, outcome, latency, tokens) or a handoff change, logged beside the messages. */
    private void onConversationRecord(ReceivedEvent event) {
        JsonNode body = json.readTree(event.json());
        String tenantId = uuid(body, "tenantId");
        sameTenant(event, tenantId);
        String conversationKey = required(body, "conversationKey");
        if (conversationKey.indexOf(':') < 1) {
            throw new MalformedEventException("conversationKey is not <phone_number_id>:<wa_id>");
        }
        java.util.Map<String, Object> details = new java.util.HashMap<>();
        String key;
        Instant at;
        if (TURN_HANDLED.equals(event.type())) {
            key = "turn:" + required(body, "turnId");
            details.put("kind", "turn");
            details.put("engine", required(body, "engine"));
            details.put("modelAnswered", "llm".equals(text(body, "engine")));
            details.put("language", text(body, "language"));
            details.put("intent", text(body, "intent"));
            details.put("outcome", text(body, "outcome"));
            details.put("latencyMs", body.path("latencyMs").isNumber() ? body.path("latencyMs").asLong() : null);
            details.put("tokens", body.path("tokens").isNumber() ? body.path("tokens").asLong() : null);
            at = event.attributes().time() == null ? Instant.now() : event.attributes().time();
        } else {
            key = "handoff:" + event.id();
            details.put("kind", "handoff");
            details.put("state", required(body, "state"));
            details.put("by", text(body, "by"));
            details.put("reason", text(body, "reason"));
            at = instant(body, "at");
        }
        messages.conversationRecord(key, tenantId, conversationKey, details, at).block(LIMIT);
    }

    @KafkaListener(id = "archive-whatsapp", topics = Topics.WHATSAPP_INBOUND, groupId = Topics.GROUP)
    void onWhatsApp(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        boolean echo = WHATSAPP_ECHOED.equals(event.type());
        if (!WHATSAPP_RECEIVED.equals(event.type()) && !echo) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        String phoneNumberId = required(body, "phoneNumberId");
        String waId = required(body, "waId");
        messages.received(new LoggedMessage(null, phoneNumberId + ":" + waId, phoneNumberId, waId,
                text(body, "contactName"), echo ? "outbound" : "inbound", echo ? "staff" : "guest",
                text(body, "type"), text(body, "text"), required(body, "messageId"), null, instant(body, "sentAt"),
                null, null, null, null, false))
                .block(LIMIT);
    }

    @KafkaListener(id = "archive-audit", topics = Topics.AUDIT, groupId = Topics.GROUP)
    void onAudit(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!AUDIT_RECORDED.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        String tenantId = uuid(body, "tenantId");
        sameTenant(event, tenantId);
        JsonNode actor = body.path("actor");
        audit.record(new AuditEntry(uuid(body, "auditId"), tenantId, text(actor, "userId"), text(actor, "role"),
                actor.path("actingAs").asBoolean(false), required(body, "action"), text(body, "entityType"),
                text(body, "entityId"), object(body, "before"), object(body, "after"), text(body, "clientAddress"),
                instant(body, "at")))
                .block(LIMIT);
    }

    @KafkaListener(id = "archive-billing", topics = Topics.BILLING_EVENTS, groupId = Topics.GROUP)
    void onBilling(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!PLAN_CHANGED.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        String tenantId = uuid(body, "tenantId");
        sameTenant(event, tenantId);
        if (!body.path("version").isNumber() || !body.path("premiumFeatures").isBoolean()) {
            throw new MalformedEventException("plan change without version or premiumFeatures");
        }
        String grace = text(body, "graceUntil");
        plans.apply(new TenantPlan(tenantId, required(body, "plan"), required(body, "status"),
                body.path("premiumFeatures").asBoolean(), grace == null ? null : parse(grace),
                body.path("version").asLong()))
                .block(LIMIT);
    }

    @KafkaListener(id = "archive-catalog", topics = Topics.CATALOG_SNAPSHOTS, groupId = Topics.GROUP)
    void onCatalog(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the business left
        }
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!CATALOG_PUBLISHED.equals(event.type())) {
            return;
        }
        JsonNode body = json.readTree(event.json());
        JsonNode business = body.path("business");
        try {
            profiles.apply(uuid(body, "tenantId"), body.path("version").asLong(0), required(business, "timeZone"),
                    text(business, "currency")).block(LIMIT);
        } catch (java.time.DateTimeException e) {
            throw new MalformedEventException("catalog snapshot with an unknown time zone", e);
        }
    }

    private static void sameTenant(ReceivedEvent event, String tenantId) {
        String header = event.attributes().tenantId();
        if (header != null && !header.equals(tenantId)) {
            throw new MalformedEventException("ce_tenantid and the body's tenantId differ");
        }
    }

    private static String uuid(JsonNode body, String field) {
        String value = required(body, field);
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID");
        }
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event body without " + field);
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static String object(JsonNode body, String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.toString();
    }

    private static Instant instant(JsonNode body, String field) {
        String value = text(body, field);
        return value == null ? Instant.now() : parse(value);
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("not an RFC 3339 instant: " + value);
        }
    }
}
