package io.dinechat.reservation.persistence;

import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** External reservation platforms the branches use. The client secret stays sealed here; only the adapter opens it. */
@Repository
public class ProviderConnections {

    /** One branch's connection; {@code sealedSecret} is CredentialCipher output bound to the tenant. */
    public record Connection(UUID id, UUID tenantId, UUID branchId, String kind, String baseUrl, String venueId,
            String clientId, String sealedSecret, Duration timeout, boolean enabled) {

        @Override
        public String toString() {
            // Never print the sealed secret, not even in debug logs.
            return "Connection[" + id + ", " + kind + ", " + baseUrl + ", venue " + venueId + "]";
        }
    }

    private final DatabaseClient db;

    public ProviderConnections(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Connection> enabledFor(UUID branchId) {
        return all().filter(c -> c.enabled() && c.branchId().equals(branchId)).next();
    }

    public Mono<Connection> byId(UUID id) {
        return all().filter(c -> c.id().equals(id)).next();
    }

    public Flux<Connection> all() {
        return db.sql("""
                select id, tenant_id, branch_id, kind, base_url, venue_id, client_id, client_secret_sealed, timeout_ms, enabled
                from provider_connections order by created_at
                """)
                .map(row -> new Connection(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("branch_id", UUID.class), row.get("kind", String.class), row.get("base_url", String.class),
                        row.get("venue_id", String.class), row.get("client_id", String.class),
                        row.get("client_secret_sealed", String.class),
                        Duration.ofMillis(row.get("timeout_ms", Integer.class)),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
                .all();
    }

    public Mono<Void> save(Connection c) {
        return db.sql("""
                insert into provider_connections (id, tenant_id, branch_id, kind, base_url, venue_id, client_id,
                    client_secret_sealed, timeout_ms, enabled)
                values (:id, :tenant, :branch, :kind, :baseUrl, :venue, :clientId, :secret, :timeout, :enabled)
                on conflict (id) do update set base_url = excluded.base_url, venue_id = excluded.venue_id,
                    client_id = excluded.client_id, client_secret_sealed = excluded.client_secret_sealed,
                    timeout_ms = excluded.timeout_ms, enabled = excluded.enabled, updated_at = now()
                """)
                .bind("id", c.id()).bind("tenant", c.tenantId()).bind("branch", c.branchId()).bind("kind", c.kind())
                .bind("baseUrl", c.baseUrl()).bind("venue", c.venueId()).bind("clientId", c.clientId())
                .bind("secret", c.sealedSecret()).bind("timeout", (int) c.timeout().toMillis()).bind("enabled", c.enabled())
                .fetch().rowsUpdated().then();
    }

    public Mono<Boolean> delete(UUID id) {
        return db.sql("delete from provider_connections where id = :id").bind("id", id).fetch().rowsUpdated()
                .map(n -> n > 0);
    }
}
