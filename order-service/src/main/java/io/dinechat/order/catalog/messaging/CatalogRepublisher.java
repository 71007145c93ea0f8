package io.dinechat.order.catalog.messaging;

import io.dinechat.order.catalog.persistence.CatalogVersions;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At startup, publishes a first snapshot for every business that never had one, so a freshly
 * started stack always has a snapshot per business on {@code catalog.snapshots.v1}. Businesses
 * already published are left alone: the compacted topic still holds their latest snapshot.
 * Runs after the startup seeders (which use lower orders) so it sees what they wrote.
 */
@Component
@Order(CatalogRepublisher.ORDER)
public class CatalogRepublisher implements ApplicationRunner {

    /** Startup runners that write catalog data must run before this one: give them a lower order. */
    public static final int ORDER = 1000;

    private static final Logger log = LoggerFactory.getLogger(CatalogRepublisher.class);

    private final CatalogVersions versions;
    private final CatalogSnapshots snapshots;
    private final TenantTransactions tenants;

    public CatalogRepublisher(CatalogVersions versions, CatalogSnapshots snapshots, TenantTransactions tenants) {
        this.versions = versions;
        this.snapshots = snapshots;
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Startup, not a request path: the service is ready only once every first snapshot is in the outbox.
        Integer published = publishMissing().block(Duration.ofMinutes(5));
        log.info("Catalog snapshots: {} business(es) had none and got their first", published);
    }

    /** @return how many businesses got their first snapshot */
    public Mono<Integer> publishMissing() {
        return versions.tenants()
                .concatMap(tenantId -> publishIfNever(tenantId)
                        .onErrorResume(e -> {
                            // One broken business must not keep every other one without a snapshot.
                            log.error("Cannot publish the first catalog snapshot of business {}", tenantId, e);
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    private Mono<Boolean> publishIfNever(UUID tenantId) {
        return tenants.inTenant(tenantId, () -> versions.lockPublished(tenantId)
                .flatMap(version -> version > 0
                        ? Mono.just(false)
                        : snapshots.publishWithin(tenantId).thenReturn(true)));
    }
}
