package io.dinechat.gateway.identity.persistence;

import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users, businesses, memberships and one-time tokens. Business-scoped reads and writes run in the
 * caller's tenant transaction ({@link TenantTransactions}) and are filtered by row-level security;
 * the global tables (users by email, tokens by hash) are read before any business is known.
 */
@Repository
public class IdentityStore {

    private final DatabaseClient db;

    public IdentityStore(DatabaseClient db) {
        this.db = db;
    }

    public record User(UUID id, String email, String name, String passwordHash, String totpSecret,
            boolean totpEnabled, long totpLastStep, boolean platformAdmin) {
    }

    public record Membership(UUID tenantId, String businessName, Role role) {
    }

    /** @param passwordSet the member can sign in: a password chosen, or a provider account linked */
    public record Member(UUID userId, String email, String name, Role role, boolean passwordSet) {
    }

    public record Business(UUID id, String name, String businessType, String timeZone, String defaultLanguage,
            String currency) {
    }

    private static final String USER_COLUMNS =
            "id, email, name, password_hash, totp_secret, totp_enabled, totp_last_step, platform_admin";

    public Mono<User> userByEmail(String email) {
        return db.sql("select " + USER_COLUMNS + " from users where lower(email) = lower(:email)")
                .bind("email", email).map(row -> user(row)).one();
    }

    public Mono<User> user(UUID id) {
        return db.sql("select " + USER_COLUMNS + " from users where id = :id").bind("id", id)
                .map(row -> user(row)).one();
    }

    public Mono<Void> insertUser(UUID id, String email, String name, String passwordHash) {
        var insert = db.sql("insert into users (id, email, name, password_hash) values (:id, :email, :name, :hash)")
                .bind("id", id).bind("email", email).bind("name", name);
        insert = passwordHash == null ? insert.bindNull("hash", String.class) : insert.bind("hash", passwordHash);
        return insert.fetch().rowsUpdated().then();
    }

    public Mono<Void> setPassword(UUID userId, String passwordHash) {
        return db.sql("update users set password_hash = :hash where id = :id")
                .bind("hash", passwordHash).bind("id", userId).fetch().rowsUpdated().then();
    }

    /** Inside the new business's own tenant transaction: the row-level security check applies to it too. */
    public Mono<Void> insertBusiness(Business business) {
        return db.sql("""
                insert into businesses (id, name, business_type, time_zone, default_language, currency)
                values (:id, :name, :type, :zone, :language, :currency)
                """)
                .bind("id", business.id()).bind("name", business.name()).bind("type", business.businessType())
                .bind("zone", business.timeZone()).bind("language", business.defaultLanguage())
                .bind("currency", business.currency())
                .fetch().rowsUpdated().then();
    }

    /** Within the tenant transaction of the business; empty when it is not visible there. */
    public Mono<Business> business(UUID tenantId) {
        return db.sql("select id, name, business_type, time_zone, default_language, currency from businesses where id = :id")
                .bind("id", tenantId)
                .map(row -> new Business(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("business_type", String.class), row.get("time_zone", String.class),
                        row.get("default_language", String.class), row.get("currency", String.class)))
                .one();
    }

    /** A business's name for a platform admin who is not a member (a SECURITY DEFINER lookup). */
    public Mono<String> businessName(UUID tenantId) {
        return db.sql("select business_name_of(:id) as name").bind("id", tenantId)
                .map(row -> java.util.Optional.ofNullable(row.get("name", String.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    /** Every business the user belongs to (the one cross-business read, through memberships_of). */
    public Flux<Membership> membershipsOf(UUID userId) {
        return db.sql("select tenant_id, business_name, role from memberships_of(:user)").bind("user", userId)
                .map(row -> new Membership(row.get("tenant_id", UUID.class), row.get("business_name", String.class),
                        Role.fromClaim(row.get("role", String.class))))
                .all();
    }

    /** In the tenant's transaction. */
    public Mono<Role> roleOf(UUID userId) {
        return db.sql("select role from memberships where user_id = :user").bind("user", userId)
                .map(row -> Role.fromClaim(row.get("role", String.class))).one();
    }

    /** In the tenant's transaction. */
    public Mono<Void> addMembership(UUID tenantId, UUID userId, Role role) {
        return db.sql("insert into memberships (tenant_id, user_id, role) values (:tenant, :user, :role)")
                .bind("tenant", tenantId).bind("user", userId).bind("role", role.claim())
                .fetch().rowsUpdated().then();
    }

    /** In the tenant's transaction. */
    public Flux<Member> members() {
        return db.sql("""
                select u.id, u.email, u.name, m.role,
                       u.password_hash is not null
                           or exists (select 1 from external_identities e where e.user_id = u.id) as password_set
                from memberships m join users u on u.id = m.user_id order by m.created_at, u.email
                """)
                .map(row -> new Member(row.get("id", UUID.class), row.get("email", String.class),
                        row.get("name", String.class), Role.fromClaim(row.get("role", String.class)),
                        Boolean.TRUE.equals(row.get("password_set", Boolean.class))))
                .all();
    }

    /** In the tenant's transaction; locks the business's memberships so two owners cannot demote each other at once. */
    public Mono<Long> lockedOwnerCount() {
        return db.sql("select user_id from memberships where role = 'owner' for update")
                .map(row -> row.get("user_id", UUID.class)).all().count();
    }

    /** In the tenant's transaction. */
    public Mono<Long> changeRole(UUID userId, Role role) {
        return db.sql("update memberships set role = :role where user_id = :user")
                .bind("role", role.claim()).bind("user", userId).fetch().rowsUpdated();
    }

    /** In the tenant's transaction. */
    public Mono<Long> removeMembership(UUID userId) {
        return db.sql("delete from memberships where user_id = :user").bind("user", userId).fetch().rowsUpdated();
    }

    public Mono<Void> storeTotpSecret(UUID userId, String sealedSecret) {
        return db.sql("update users set totp_secret = :secret, totp_enabled = false where id = :id")
                .bind("secret", sealedSecret).bind("id", userId).fetch().rowsUpdated().then();
    }

    /** Accepts a code's time step once: false when that step (or a later one) was already used. */
    public Mono<Boolean> useTotpStep(UUID userId, long step) {
        return db.sql("update users set totp_last_step = :step where id = :id and totp_last_step < :step")
                .bind("step", step).bind("id", userId).fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> enableTotp(UUID userId) {
        return db.sql("update users set totp_enabled = true where id = :id and totp_secret is not null")
                .bind("id", userId).fetch().rowsUpdated().then();
    }

    public Mono<Void> disableTotp(UUID userId) {
        return db.sql("update users set totp_enabled = false, totp_secret = null where id = :id")
                .bind("id", userId).fetch().rowsUpdated().then();
    }

    // --- one-time password tokens ---

    public Mono<Void> insertPasswordToken(byte[] hash, UUID userId, String purpose, Instant expiresAt) {
        return db.sql("insert into password_tokens (token_hash, user_id, purpose, expires_at) values (:hash, :user, :purpose, :expires)")
                .bind("hash", hash).bind("user", userId).bind("purpose", purpose).bind("expires", utc(expiresAt))
                .fetch().rowsUpdated().then();
    }

    /** Marks the token used and returns its user, once, while it is valid; empty otherwise. */
    public Mono<UUID> consumePasswordToken(byte[] hash) {
        return db.sql("""
                update password_tokens set used_at = now()
                where token_hash = :hash and used_at is null and expires_at > now()
                returning user_id
                """)
                .bind("hash", hash).map(row -> row.get("user_id", UUID.class)).one();
    }

    // --- login attempts ---

    public Mono<Void> recordAttempt(String email, String clientAddress, boolean succeeded) {
        return db.sql("insert into login_attempts (email, client_address, succeeded) values (:email, :address, :ok)")
                .bind("email", email).bind("address", clientAddress).bind("ok", succeeded)
                .fetch().rowsUpdated().then();
    }

    public Mono<List<Instant>> failuresSinceLastSuccess(String email, Instant since) {
        return db.sql("""
                select at from login_attempts a
                where a.email = :email and not a.succeeded and a.at > :since
                  and a.at > coalesce((select max(at) from login_attempts s where s.email = :email and s.succeeded), '-infinity')
                """)
                .bind("email", email).bind("since", utc(since))
                .map(row -> row.get("at", OffsetDateTime.class).toInstant()).all().collectList();
    }

    public Mono<List<Instant>> failuresFrom(String clientAddress, Instant since) {
        return db.sql("select at from login_attempts where client_address = :address and not succeeded and at > :since")
                .bind("address", clientAddress).bind("since", utc(since))
                .map(row -> row.get("at", OffsetDateTime.class).toInstant()).all().collectList();
    }

    public Mono<Long> forgetAttemptsBefore(Instant before) {
        return db.sql("delete from login_attempts where at < :before").bind("before", utc(before))
                .fetch().rowsUpdated();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static User user(io.r2dbc.spi.Readable row) {
        return new User(row.get("id", UUID.class), row.get("email", String.class), row.get("name", String.class),
                row.get("password_hash", String.class), row.get("totp_secret", String.class),
                Boolean.TRUE.equals(row.get("totp_enabled", Boolean.class)), row.get("totp_last_step", Long.class),
                Boolean.TRUE.equals(row.get("platform_admin", Boolean.class)));
    }
}
