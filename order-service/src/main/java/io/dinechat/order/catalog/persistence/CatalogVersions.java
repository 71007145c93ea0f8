package io.dinechat.order.catalog.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The version counter of each business's catalog snapshot. Taking the next version locks the
 * business's counter row until the transaction ends, so two snapshots of one business are built
 * one after the other and a higher version never holds older data.
 */
@Repository
public class CatalogVersions {

    private final DatabaseClient db;

    public CatalogVersions(DatabaseClient db) {
        this.db = db;
    }

    /** Increments and returns the business's snapshot version (1 for the first); inside its tenant transaction. */
    public Mono<Long> next(UUID tenantId, Instant publishedAt) {
        return db.sql("""
                insert into catalog_versions (tenant_id, version, published_at) values (:tenant, 1, :at)
                on conflict (tenant_id) do update
                   set version = catalog_versions.version + 1, published_at = excluded.published_at
                returning version
                """)
                .bind("tenant", tenantId)
                .bind("at", publishedAt)
                .map(row -> row.get("version", Long.class))
                .one();
    }

    /**
     * The version last published (0 when never), locked until the transaction ends so that two
     * replicas starting together do not both publish a first snapshot.
     */
    public Mono<Long> lockPublished(UUID tenantId) {
        return db.sql("insert into catalog_versions (tenant_id, version) values (:tenant, 0) on conflict (tenant_id) do nothing")
                .bind("tenant", tenantId)
                .fetch().rowsUpdated()
                .then(db.sql("select version from catalog_versions where tenant_id = :tenant for update")
                        .bind("tenant", tenantId)
                        .map(row -> row.get("version", Long.class))
                        .one());
    }

    /** Every business that is not deleted; callable without a tenant (a definer function reveals only the ids). */
    public Flux<UUID> tenants() {
        return db.sql("select catalog_tenants as tenant_id from catalog_tenants()")
                .map(row -> row.get("tenant_id", UUID.class))
                .all();
    }
}
