package io.dinechat.order.catalog.application;

import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.messaging.CatalogSnapshots;
import io.dinechat.order.catalog.persistence.CatalogStore;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Every dashboard change to the catalog goes through here: in one tenant transaction the change is
 * written, an audit record (before and after) and a new catalog snapshot go to the outbox. A change
 * that changes nothing publishes and audits nothing.
 */
@Service
public class CatalogEditor {

    private final TenantTransactions tenants;
    private final CatalogStore store;
    private final CatalogSnapshots snapshots;
    private final AuditTrail audit;

    public CatalogEditor(TenantTransactions tenants, CatalogStore store, CatalogSnapshots snapshots, AuditTrail audit) {
        this.tenants = tenants;
        this.store = store;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /** The staff view of the business's catalog (hidden items and inactive branches included). */
    public Mono<Catalog> view(Actor actor) {
        return tenants.inTenant(actor.tenantId(), () -> store.loadForStaff(actor.tenantId()));
    }

    /**
     * Applies one change.
     *
     * @param find   reads the changed entity from a staff view of the catalog (empty when absent)
     * @param change writes it; answers how many rows changed
     * @return the entity after the change (empty when deleted)
     */
    public <T> Mono<Optional<T>> apply(Actor actor, String action, String entityType, Object entityId,
            Function<Catalog, Optional<T>> find, Function<CatalogStore, Mono<Long>> change) {
        return tenants.inTenant(actor.tenantId(), () -> store.loadForStaff(actor.tenantId())
                .map(find)
                .defaultIfEmpty(Optional.empty())
                .flatMap(before -> change.apply(store)
                        .flatMap(changed -> store.loadForStaff(actor.tenantId()).map(find).defaultIfEmpty(Optional.empty())
                                .flatMap(after -> changed == 0 ? Mono.just(after)
                                        : audit.record(actor, action, entityType, entityId, before.orElse(null),
                                                        after.orElse(null))
                                                .then(snapshots.publishWithin(actor.tenantId()))
                                                .thenReturn(after)))));
    }
}
