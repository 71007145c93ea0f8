package io.dinechat.platform.tenancy;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs work in one transaction scoped to a business: {@code app.tenant_id} is set with
 * {@code set_config(..., true)} so it lives exactly as long as the transaction, and every
 * row-level security policy reads it. Work outside such a transaction sees no tenant rows at all.
 */
public class TenantTransactions {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public TenantTransactions(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    public <T> Mono<T> inTenant(UUID tenantId, Supplier<Mono<T>> work) {
        return tx.transactional(bindTenant(tenantId).then(Mono.defer(work)));
    }

    public <T> Flux<T> inTenantMany(UUID tenantId, Supplier<Flux<T>> work) {
        return tx.transactional(bindTenant(tenantId).thenMany(Flux.defer(work)));
    }

    private Mono<Void> bindTenant(UUID tenantId) {
        return db.sql("select set_config('app.tenant_id', :tenant, true)")
                .bind("tenant", tenantId.toString())
                .fetch().first()
                .then();
    }
}
