package io.dinechat.archive.persistence;

import static io.dinechat.archive.persistence.ArchiveCollections.AUDIT_LOGS;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code audit_logs}: every dashboard change, one document per audit id (a redelivery rewrites the
 * same document). {@code before} and {@code after} are kept as the JSON text they arrived as: any
 * key a service writes is stored faithfully, on MongoDB and on the stand-in alike.
 */
@Component
public class AuditLogs {

    private final ArchiveDatabase db;

    public AuditLogs(ArchiveDatabase db) {
        this.db = db;
    }

    public Mono<Void> record(AuditEntry entry) {
        Document doc = new Document("_id", entry.auditId())
                .append("tenantId", entry.tenantId())
                .append("actorUserId", entry.actorUserId())
                .append("actorRole", entry.actorRole())
                .append("actingAs", entry.actingAs())
                .append("action", entry.action())
                .append("entityType", entry.entityType())
                .append("entityId", entry.entityId())
                .append("before", entry.beforeJson())
                .append("after", entry.afterJson())
                .append("clientAddress", entry.clientAddress())
                .append("occurredAt", Date.from(entry.at()));
        return db.collection(AUDIT_LOGS)
                .flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", entry.auditId()), doc,
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    /** One page, newest first, of a business's entries matching the filter. */
    public Mono<Page> page(String tenantId, AuditFilter filter, int page, int size) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("tenantId", tenantId)));
        if (filter.action() != null) {
            conditions.add(Filters.eq("action", filter.action()));
        }
        if (filter.entityType() != null) {
            conditions.add(Filters.eq("entityType", filter.entityType()));
        }
        if (filter.entityId() != null) {
            conditions.add(Filters.eq("entityId", filter.entityId()));
        }
        if (filter.actorUserId() != null) {
            conditions.add(Filters.eq("actorUserId", filter.actorUserId()));
        }
        if (filter.from() != null) {
            conditions.add(Filters.gte("occurredAt", Date.from(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lt("occurredAt", Date.from(filter.to())));
        }
        Bson where = Filters.and(conditions);
        return db.collection(AUDIT_LOGS).flatMap(c -> Mono.zip(
                Mono.from(c.countDocuments(where)),
                Flux.from(c.find(where).sort(new Document("occurredAt", -1).append("_id", -1))
                        .skip(page * size).limit(size))
                        .map(AuditLogs::toEntry).collectList()))
                .map(t -> new Page(t.getT2(), page, size, t.getT1()));
    }

    /** Replaces every mention of the guest's number and names in before/after with the pseudonym. */
    public Mono<Long> erase(String tenantId, String phone, List<String> names, String pseudonym) {
        List<String> secrets = new ArrayList<>(List.of(phone));
        names.stream().filter(n -> n != null && n.length() >= 2).forEach(secrets::add);
        List<Bson> mentions = new ArrayList<>();
        for (String secret : secrets) {
            Pattern p = Pattern.compile(Pattern.quote(secret));
            mentions.add(Filters.regex("before", p));
            mentions.add(Filters.regex("after", p));
            mentions.add(Filters.eq("entityId", secret));
        }
        return db.collection(AUDIT_LOGS).flatMap(c -> Flux.from(c.find(
                Filters.and(Filters.eq("tenantId", tenantId), Filters.or(mentions))))
                .concatMap(doc -> {
                    Document changed = new Document(doc);
                    for (String field : List.of("before", "after", "entityId")) {
                        if (changed.get(field) instanceof String text) {
                            for (String secret : secrets) {
                                text = text.replace(secret, pseudonym);
                            }
                            changed.put(field, text);
                        }
                    }
                    return Mono.from(c.replaceOne(Filters.eq("_id", doc.get("_id")), changed));
                })
                .count());
    }

    private static AuditEntry toEntry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getString("tenantId"), d.getString("actorUserId"),
                d.getString("actorRole"), Boolean.TRUE.equals(d.getBoolean("actingAs")), d.getString("action"),
                d.getString("entityType"), d.getString("entityId"), d.getString("before"), d.getString("after"),
                d.getString("clientAddress"), d.getDate("occurredAt").toInstant());
    }

    public record AuditEntry(String auditId, String tenantId, String actorUserId, String actorRole, boolean actingAs,
            String action, String entityType, String entityId, String beforeJson, String afterJson,
            String clientAddress, Instant at) {
    }

    public record AuditFilter(String action, String entityType, String entityId, String actorUserId, Instant from,
            Instant to) {
    }

    public record Page(List<AuditEntry> entries, int page, int size, long total) {
    }
}
