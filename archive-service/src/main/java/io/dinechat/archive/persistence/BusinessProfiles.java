package io.dinechat.archive.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code business_profiles}: each business's time zone (and currency), from the newest catalog
 * snapshot. Days and hours of the analytics are the business's own; a business whose catalog was
 * never seen is treated as UTC.
 */
@Component
public class BusinessProfiles {

    static final String BUSINESS_PROFILES = "business_profiles";

    private final ArchiveDatabase db;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public BusinessProfiles(ArchiveDatabase db) {
        this.db = db;
    }

    public Mono<Void> apply(String tenantId, long version, String timeZone, String currency) {
        ZoneId zone = ZoneId.of(timeZone);
        return db.collection(BUSINESS_PROFILES).flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", tenantId), Filters.lt("version", version)),
                Updates.combine(Updates.set("timeZone", zone.getId()), Updates.set("currency", currency),
                        Updates.set("version", version)),
                new UpdateOptions().upsert(true))))
                .doOnNext(r -> zones.put(tenantId, zone))
                .onErrorResume(com.mongodb.MongoWriteException.class, e -> Mono.empty())
                .then();
    }

    /** Time zones of every known business, loaded into memory (a few bytes per business). */
    public Mono<Map<String, ZoneId>> zones() {
        return db.collection(BUSINESS_PROFILES)
                .flatMapMany(c -> Flux.from(c.find()))
                .doOnNext(d -> zones.put(d.getString("_id"), ZoneId.of(d.getString("timeZone"))))
                .then(Mono.fromSupplier(() -> Map.copyOf(zones)));
    }

    public Mono<ZoneId> zoneOf(String tenantId) {
        ZoneId cached = zones.get(tenantId);
        if (cached != null) {
            return Mono.just(cached);
        }
        return db.collection(BUSINESS_PROFILES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", tenantId)).first()))
                .map(d -> {
                    ZoneId zone = ZoneId.of(d.getString("timeZone"));
                    zones.put(tenantId, zone);
                    return zone;
                })
                .defaultIfEmpty(java.time.ZoneOffset.UTC);
    }

    public Flux<String> tenants() {
        return db.collection(BUSINESS_PROFILES).flatMapMany(c -> Flux.from(c.find()))
                .map((Document d) -> d.getString("_id"));
    }
}
