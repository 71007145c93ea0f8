package io.dinechat.archive.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code guest_erasures}: which guests asked to be forgotten, by a keyed hash of tenant and phone
 * (never the number itself), with the pseudonym that replaced them. Orders and messages of that
 * guest that arrive later are stored under the pseudonym straight away.
 */
@Component
public class GuestErasures {

    static final String GUEST_ERASURES = "guest_erasures";

    private final ArchiveDatabase db;

    public GuestErasures(ArchiveDatabase db) {
        this.db = db;
    }

    public Mono<Void> remember(String guestHash, String tenantId, String pseudonym, Instant at) {
        return db.durable(GUEST_ERASURES).flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", guestHash),
                new Document("_id", guestHash).append("tenantId", tenantId).append("pseudonym", pseudonym)
                        .append("erasedAt", Date.from(at)),
                new ReplaceOptions().upsert(true)))).then();
    }

    /** The pseudonym of an erased guest, empty when the guest was never erased. */
    public Mono<String> pseudonymOf(String guestHash) {
        return db.collection(GUEST_ERASURES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", guestHash)).first()))
                .map(d -> d.getString("pseudonym"));
    }
}
