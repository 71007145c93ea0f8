package io.dinechat.order.catalog.messaging;

import io.dinechat.order.catalog.domain.CatalogSnapshot;
import io.dinechat.order.catalog.persistence.CatalogStore;
import io.dinechat.order.catalog.persistence.CatalogVersions;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a business's whole current catalog to the compacted {@code catalog.snapshots.v1}
 * (key = tenant id): the version is taken, the catalog read and the event written to the outbox
 * in one transaction, so a snapshot is published exactly when its version is committed.
 */
@Component
public class CatalogSnapshots {

    public static final String PUBLISHED = "io.dinechat.catalog.snapshot.published";
    public static final String SOURCE = "/order-service";

    private final CatalogStore store;
    private final CatalogVersions versions;
    private final Outbox outbox;
    private final TenantTransactions tenants;
    private final JsonMapper json;
    private final Clock clock;

    public CatalogSnapshots(CatalogStore store, CatalogVersions versions, Outbox outbox, TenantTransactions tenants,
            JsonMapper json, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.outbox = outbox;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    /** Publishes the business's snapshot in a transaction of its own. @return the new version */
    public Mono<Long> publish(UUID tenantId) {
        return tenants.inTenant(tenantId, () -> publishWithin(tenantId));
    }

    /**
     * Publishes inside the caller's tenant transaction, so the catalog change that calls for a new
     * snapshot and the snapshot commit together. @return the new version
     */
    public Mono<Long> publishWithin(UUID tenantId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The version first: it locks the business's counter, so concurrent publishers queue up here.
        return versions.next(tenantId, now)
                .flatMap(version -> store.load(tenantId)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                                "No catalog to publish: business " + tenantId + " does not exist or was deleted")))
                        .map(catalog -> new CatalogSnapshot(version, now, catalog)))
                .flatMap(snapshot -> outbox.append(Topics.CATALOG_SNAPSHOTS, new EventEnvelope(UUID.randomUUID().toString(),
                                PUBLISHED, SOURCE, now, tenantId.toString(), null, tenantId.toString(),
                                CatalogSnapshotJson.write(json, snapshot)))
                        .thenReturn(snapshot.version()));
    }
}
