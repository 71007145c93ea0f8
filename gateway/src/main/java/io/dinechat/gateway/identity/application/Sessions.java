package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.SessionStore;
import io.dinechat.gateway.identity.persistence.SessionStore.StoredSession;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opens, resolves and closes browser sessions. A session expires after its idle timeout (slid at
 * most once a minute, to spare the database a write per request) and, whatever happens, at its
 * absolute timeout.
 */
@Service
public class Sessions {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SessionStore sessions;
    private final IdentityStore identities;
    private final TenantTransactions tenants;
    private final IdentityProperties.Sessions settings;
    private final Clock clock;

    public Sessions(SessionStore sessions, IdentityStore identities, TenantTransactions tenants,
            IdentityProperties properties, Clock clock) {
        this.sessions = sessions;
        this.identities = identities;
        this.tenants = tenants;
        this.settings = properties.sessions();
        this.clock = clock;
    }

    /** @return the secret for the cookie; only its hash is stored */
    public Mono<String> open(UUID userId, UUID activeTenant) {
        String secret = OneTimeSecrets.newSecret();
        Instant now = clock.instant();
        Instant expires = min(now.plus(settings.idleTimeout()), now.plus(settings.absoluteTimeout()));
        return sessions.create(OneTimeSecrets.hash(secret), userId, activeTenant, expires).thenReturn(secret);
    }

    public Mono<SignedInUser> resolve(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Mono.empty();
        }
        return resolveByHash(OneTimeSecrets.hash(secret));
    }

    public Mono<SignedInUser> resolveByHash(byte[] hash) {
        return sessions.find(hash).flatMap(s -> touchIfStale(s).then(withRole(s)));
    }

    public Mono<Void> close(SignedInUser user) {
        return sessions.delete(user.sessionHash());
    }

    private Mono<SignedInUser> withRole(StoredSession s) {
        if (s.activeTenant() == null) {
            return Mono.just(user(s, null, s.platformAdmin() ? Role.PLATFORM_ADMIN : null, false));
        }
        if (s.actingAs()) {
            // Only a platform admin can have started an act-as; if that right was withdrawn, so is the act-as.
            return Mono.just(s.platformAdmin() ? user(s, s.activeTenant(), Role.PLATFORM_ADMIN, true)
                    : user(s, null, null, false));
        }
        return tenants.inTenant(s.activeTenant(), () -> identities.roleOf(s.userId()))
                .map(role -> user(s, s.activeTenant(), role, false))
                .defaultIfEmpty(user(s, null, s.platformAdmin() ? Role.PLATFORM_ADMIN : null, false));
    }

    private Mono<Void> touchIfStale(StoredSession s) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return s.lastSeenAt().plus(TOUCH_EVERY).isAfter(now) ? Mono.<Void>empty()
                    : sessions.touch(s.tokenHash(), now.plus(settings.idleTimeout()),
                            s.createdAt().plus(settings.absoluteTimeout()));
        });
    }

    private static SignedInUser user(StoredSession s, UUID tenant, Role role, boolean actingAs) {
        return new SignedInUser(s.tokenHash(), s.userId(), s.email(), s.name(), s.platformAdmin(), s.totpEnabled(),
                tenant, role, actingAs);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
