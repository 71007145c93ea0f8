package io.dinechat.gateway.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Browser sessions by the hash of their secret, with the signed-in user's global facts. */
@Repository
public class SessionStore {

    private final DatabaseClient db;

    public SessionStore(DatabaseClient db) {
        this.db = db;
    }

    /** A live session joined with its user. */
    public record StoredSession(byte[] tokenHash, UUID userId, String email, String name, boolean platformAdmin,
            boolean totpEnabled, UUID activeTenant, boolean actingAs, Instant createdAt, Instant lastSeenAt) {
    }

    public Mono<Void> create(byte[] tokenHash, UUID userId, UUID activeTenant, Instant expiresAt) {
        var insert = db.sql("insert into sessions (token_hash, user_id, active_tenant, expires_at) values (:hash, :user, :tenant, :expires)")
                .bind("hash", tokenHash).bind("user", userId).bind("expires", IdentityStore.utc(expiresAt));
        insert = activeTenant == null ? insert.bindNull("tenant", UUID.class) : insert.bind("tenant", activeTenant);
        return insert.fetch().rowsUpdated().then();
    }

    public Mono<StoredSession> find(byte[] tokenHash) {
        return db.sql("""
                select s.token_hash, s.user_id, u.email, u.name, u.platform_admin, u.totp_enabled, s.active_tenant,
                       s.acting_as, s.created_at, s.last_seen_at
                from sessions s join users u on u.id = s.user_id
                where s.token_hash = :hash and s.expires_at > now()
                """)
                .bind("hash", tokenHash)
                .map(row -> new StoredSession(tokenHash, row.get("user_id", UUID.class), row.get("email", String.class),
                        row.get("name", String.class), Boolean.TRUE.equals(row.get("platform_admin", Boolean.class)),
                        Boolean.TRUE.equals(row.get("totp_enabled", Boolean.class)), row.get("active_tenant", UUID.class),
                        Boolean.TRUE.equals(row.get("acting_as", Boolean.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("last_seen_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Slides the idle expiry, never past the absolute one. */
    public Mono<Void> touch(byte[] tokenHash, Instant idleExpiry, Instant absoluteExpiry) {
        return db.sql("update sessions set last_seen_at = now(), expires_at = least(:idle, :absolute) where token_hash = :hash")
                .bind("idle", IdentityStore.utc(idleExpiry)).bind("absolute", IdentityStore.utc(absoluteExpiry))
                .bind("hash", tokenHash).fetch().rowsUpdated().then();
    }

    public Mono<Void> switchTenant(byte[] tokenHash, UUID tenantId, boolean actingAs) {
        return db.sql("update sessions set active_tenant = :tenant, acting_as = :acting where token_hash = :hash")
                .bind("tenant", tenantId).bind("acting", actingAs).bind("hash", tokenHash)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> delete(byte[] tokenHash) {
        return db.sql("delete from sessions where token_hash = :hash").bind("hash", tokenHash).fetch().rowsUpdated().then();
    }

    /** After a password change: every browser signed in as this user must sign in again. */
    public Mono<Void> deleteAllOf(UUID userId) {
        return db.sql("delete from sessions where user_id = :user").bind("user", userId).fetch().rowsUpdated().then();
    }

    public Mono<Long> deleteExpired() {
        return db.sql("delete from sessions where expires_at < now()").fetch().rowsUpdated();
    }
}
