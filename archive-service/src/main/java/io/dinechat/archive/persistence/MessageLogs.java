package io.dinechat.archive.persistence;

import static io.dinechat.archive.persistence.ArchiveCollections.MESSAGE_LOGS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code message_logs}: one document per WhatsApp or conversation message. A guest's message
 * arrives twice, from webhook-ingest (no business known yet) and from conversation-service (with
 * the business); both write the document keyed by the WhatsApp message id, so it is stored once
 * and completed by whichever comes second. {@code createdAt} is the message's own time: the TTL
 * index removes it two months later.
 */
@Component
public class MessageLogs {

    private final ArchiveDatabase db;

    public MessageLogs(ArchiveDatabase db) {
        this.db = db;
    }

    /**
     * @param key    the message's identity: {@code wa:<wamid>} when WhatsApp knows it, else {@code msg:<id>}
     * @param fields what this source knows (nulls are left out, so one source never erases the other's)
     * @param at     when the message was sent or logged
     */
    public Mono<Void> record(String key, Map<String, Object> fields, Instant at) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                updates.add(Updates.set(name, value));
            }
        });
        if (Boolean.TRUE.equals(fields.get("erased"))) {
            // What the other source wrote about an erased guest goes too.
            updates.add(Updates.set("contactName", null));
            updates.add(Updates.set("text", null));
        }
        updates.add(Updates.set("messageId", key));
        updates.add(Updates.setOnInsert("createdAt", Date.from(at)));
        // A message of an erased guest is never written back: the filter misses it, and the upsert's
        // insert then collides with its _id, which is the answer "already stored, leave it".
        return db.collection(MESSAGE_LOGS)
                .flatMap(c -> Mono.from(c.updateOne(Filters.and(Filters.eq("_id", key), Filters.ne("erased", true)),
                        Updates.combine(updates), new UpdateOptions().upsert(true))))
                .onErrorResume(MongoWriteException.class,
                        e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.empty() : Mono.error(e))
                .then();
    }

    public Flux<Document> ofGuest(String tenantId, String phone) {
        return db.collection(MESSAGE_LOGS).flatMapMany(c -> c.find(
                Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("guestPhone", phone)))
                .sort(new Document("createdAt", 1)));
    }

    /**
     * Replaces the guest's number with the pseudonym, in the conversation key too, and drops the name
     * and what the guest wrote.
     */
    public Mono<Long> erase(String tenantId, String phone, String pseudonym) {
        Bson guest = Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("guestPhone", phone));
        return db.collection(MESSAGE_LOGS).flatMap(c -> Flux.from(c.distinct("conversationKey", guest, String.class))
                .concatMap(key -> Mono.from(c.updateMany(
                        Filters.and(guest, Filters.eq("conversationKey", key)),
                        Updates.set("conversationKey", key.substring(0, key.indexOf(':') + 1) + pseudonym))))
                .then(Mono.from(c.updateMany(guest, Updates.combine(
                        Updates.set("guestPhone", pseudonym), Updates.set("contactName", null),
                        Updates.set("text", null), Updates.set("erased", true)))))
                .map(r -> r.getModifiedCount()));
    }
}
