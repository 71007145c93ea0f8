package io.dinechat.gateway.identity.oidc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Sign-ins waiting for the provider's answer, and provider accounts linked to users (both global tables). */
@Repository
class OidcStore {

    /** A started sign-in, as the callback takes it back. */
    record Pending(byte[] browserHash, String nonce, String codeVerifier) {
    }

    private final DatabaseClient db;

    OidcStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> start(byte[] stateHash, byte[] browserHash, String nonce, String codeVerifier, Instant expiresAt) {
        return db.sql("""
                insert into oidc_sign_ins (state_hash, browser_hash, nonce, code_verifier, expires_at)
                values (:state, :browser, :nonce, :verifier, :expires)
                """)
                .bind("state", stateHash).bind("browser", browserHash).bind("nonce", nonce)
                .bind("verifier", codeVerifier).bind("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().then();
    }

    /** Takes the sign-in once, while it is fresh: a second callback with the same state finds nothing. */
    Mono<Pending> take(byte[] stateHash) {
        return db.sql("""
                delete from oidc_sign_ins where state_hash = :state and expires_at > now()
                returning browser_hash, nonce, code_verifier
                """)
                .bind("state", stateHash)
                .map(row -> new Pending(row.get("browser_hash", byte[].class), row.get("nonce", String.class),
                        row.get("code_verifier", String.class)))
                .one();
    }

    Mono<Long> forgetExpired() {
        return db.sql("delete from oidc_sign_ins where expires_at <= now()").fetch().rowsUpdated();
    }

    Mono<UUID> linkedUser(String issuer, String subject) {
        return db.sql("select user_id from external_identities where issuer = :issuer and subject = :subject")
                .bind("issuer", issuer).bind("subject", subject).map(row -> row.get("user_id", UUID.class)).one();
    }

    /** The subject already linked to this user at this provider, if any. */
    Mono<String> linkedSubject(UUID userId, String issuer) {
        return db.sql("select subject from external_identities where user_id = :user and issuer = :issuer")
                .bind("user", userId).bind("issuer", issuer).map(row -> row.get("subject", String.class)).one();
    }

    Mono<Void> link(String issuer, String subject, UUID userId) {
        return db.sql("insert into external_identities (issuer, subject, user_id) values (:issuer, :subject, :user)")
                .bind("issuer", issuer).bind("subject", subject).bind("user", userId).fetch().rowsUpdated().then();
    }

    Mono<Void> signedIn(String issuer, String subject) {
        return db.sql("update external_identities set last_sign_in_at = now() where issuer = :issuer and subject = :subject")
                .bind("issuer", issuer).bind("subject", subject).fetch().rowsUpdated().then();
    }
}
