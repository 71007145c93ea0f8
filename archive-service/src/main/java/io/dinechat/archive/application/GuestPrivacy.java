package io.dinechat.archive.application;

import io.dinechat.archive.persistence.AuditLogs;
import io.dinechat.archive.persistence.AuditLogs.AuditEntry;
import io.dinechat.archive.persistence.DailyMetrics;
import io.dinechat.archive.persistence.MessageLogs;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest's rights over the archive: an export of everything kept about their phone number, and
 * erasure, which replaces the number by a pseudonym and removes names, addresses, notes and
 * message texts in every collection (figures stay, so the business's totals do not change). Both
 * are written to the business's audit log under the guest's keyed hash, never the number.
 */
@Service
public class GuestPrivacy {

    private final OrderLogs orders;
    private final MessageLogs messages;
    private final AuditLogs audit;
    private final DailyMetrics metrics;
    private final GuestPseudonyms pseudonyms;
    private final JsonMapper json;
    private final Clock clock;

    public GuestPrivacy(OrderLogs orders, MessageLogs messages, AuditLogs audit, DailyMetrics metrics,
            GuestPseudonyms pseudonyms, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.messages = messages;
        this.audit = audit;
        this.metrics = metrics;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Erasure> erase(Actor actor, String rawPhone) {
        String tenantId = actor.tenantId().toString();
        String phone = GuestPseudonyms.normalise(rawPhone);
        Instant now = clock.instant();
        return names(tenantId, phone).flatMap(names -> pseudonyms.erase(tenantId, phone, now)
                .flatMap(pseudonym -> Mono.zip(
                        orders.erase(tenantId, phone, pseudonym),
                        messages.erase(tenantId, phone, pseudonym),
                        metrics.erase(tenantId, phone, pseudonym),
                        audit.erase(tenantId, phone, names, pseudonym))
                        .map(t -> new Erasure(t.getT1(), t.getT2(), t.getT3(), t.getT4()))))
                .flatMap(erasure -> record(actor, "guest.data_erased", phone, erasure, now).thenReturn(erasure));
    }

    public Mono<Export> export(Actor actor, String rawPhone) {
        String tenantId = actor.tenantId().toString();
        String phone = GuestPseudonyms.normalise(rawPhone);
        Instant now = clock.instant();
        return Mono.zip(orders.ofGuest(tenantId, phone).collectList(), messages.ofGuest(tenantId, phone).collectList())
                .map(t -> new Export(phone, now, t.getT1().stream().map(GuestPrivacy::plain).toList(),
                        t.getT2().stream().map(GuestPrivacy::plain).toList()))
                .flatMap(export -> record(actor, "guest.data_exported", phone,
                        new Counts(export.orders().size(), export.messages().size()), now).thenReturn(export));
    }

    /** Names the guest gave, to find them in audit entries too. */
    private Mono<List<String>> names(String tenantId, String phone) {
        return Mono.zip(orders.ofGuest(tenantId, phone).collectList(), messages.ofGuest(tenantId, phone).collectList())
                .map(t -> {
                    Set<String> names = new LinkedHashSet<>();
                    t.getT1().forEach(o -> {
                        Document customer = o.get("customer", Document.class);
                        if (customer != null && customer.getString("name") != null) {
                            names.add(customer.getString("name"));
                        }
                    });
                    t.getT2().forEach(m -> {
                        if (m.getString("contactName") != null) {
                            names.add(m.getString("contactName"));
                        }
                    });
                    return new ArrayList<>(names);
                });
    }

    private Mono<Void> record(Actor actor, String action, String phone, Object after, Instant at) {
        String tenantId = actor.tenantId().toString();
        return audit.record(new AuditEntry(UUID.randomUUID().toString(), tenantId, actor.userId().toString(),
                actor.role().claim(), actor.actingAs(), action, "guest", pseudonyms.guestHash(tenantId, phone), null,
                json.writeValueAsString(after), actor.clientAddress(), at));
    }

    /** A stored document as plain JSON values: decimals as strings, dates as RFC 3339, no internal ids. */
    static Object plain(Object value) {
        return switch (value) {
            case Document d -> {
                var out = new java.util.LinkedHashMap<String, Object>();
                d.forEach((k, v) -> {
                    if (!"_id".equals(k)) {
                        out.put(k, plain(v));
                    }
                });
                yield out;
            }
            case List<?> list -> list.stream().map(GuestPrivacy::plain).toList();
            case org.bson.types.Decimal128 dec -> dec.bigDecimalValue().toPlainString();
            case java.util.Date date -> date.toInstant().toString();
            case null -> null;
            default -> value;
        };
    }

    public record Erasure(long orders, long messages, long dailyFigures, long auditEntries) {
    }

    public record Counts(int orders, int messages) {
    }

    public record Export(String phone, Instant generatedAt, List<Object> orders, List<Object> messages) {
    }
}
