package io.dinechat.reservation.provider;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.persistence.ProviderConnections;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.dinechat.reservation.provider.builtin.BuiltInTableBook;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which provider holds a branch's book: its enabled external connection, else DineChat's own. */
@Component
public class ProviderDirectory {

    private final TenantTransactions tenants;
    private final ProviderConnections connections;
    private final BuiltInTableBook builtIn;
    private final Function<Connection, ReservationProvider> external;

    public ProviderDirectory(TenantTransactions tenants, ProviderConnections connections, BuiltInTableBook builtIn,
            ExternalProviders external) {
        this.tenants = tenants;
        this.connections = connections;
        this.builtIn = builtIn;
        this.external = external::connect;
    }

    public Mono<ReservationProvider> forBranch(UUID tenantId, UUID branchId) {
        if (branchId == null) {
            return Mono.just(builtIn);
        }
        return tenants.inTenant(tenantId, () -> connections.enabledFor(branchId))
                .map(external)
                .defaultIfEmpty(builtIn);
    }

    /** The provider that holds an existing booking (by the provider recorded on it). */
    public Mono<ReservationProvider> holding(io.dinechat.reservation.domain.Reservation reservation) {
        if (reservation.heldByBuiltInBook()) {
            return Mono.just(builtIn);
        }
        return tenants.inTenant(reservation.tenantId(), () -> connections.enabledFor(reservation.branchId()))
                .map(external)
                .switchIfEmpty(Mono.error(() -> new ProviderUnavailableException(
                        "the " + reservation.provider() + " connection of this branch is disabled")));
    }
}
