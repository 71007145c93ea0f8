package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.identity.application.Refusal.Kind;
import io.dinechat.gateway.identity.domain.EmailAddress;
import io.dinechat.gateway.identity.domain.LoginThrottle;
import io.dinechat.gateway.identity.domain.NewBusiness;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.domain.Totp;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.IdentityStore.Business;
import io.dinechat.gateway.identity.persistence.IdentityStore.User;
import io.dinechat.gateway.identity.persistence.SessionStore;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Sign-up, login (with throttling and the optional second factor), switching business and act-as. */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** What a successful sign-up or login hands the web layer: the cookie's secret and the user. */
    public record SignedIn(String sessionSecret, Me me) {
    }

    private final IdentityStore identities;
    private final SessionStore sessionStore;
    private final Sessions sessions;
    private final Passwords passwords;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final CredentialCipher cipher;
    private final LoginThrottle throttle;
    private final Clock clock;

    public Accounts(IdentityStore identities, SessionStore sessionStore, Sessions sessions, Passwords passwords,
            TenantTransactions tenants, AuditTrail audit, CredentialCipher cipher,
            IdentityProperties properties, Clock clock) {
        this.identities = identities;
        this.sessionStore = sessionStore;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tenants = tenants;
        this.audit = audit;
        this.cipher = cipher;
        var t = properties.throttle();
        this.throttle = new LoginThrottle(t.accountFailures(), t.lockout(), t.addressFailures(), t.window());
        this.clock = clock;
    }

    /** Creates the business and its owner in one transaction, audited, and signs the owner in. */
    public Mono<SignedIn> signUp(NewBusiness form, String clientAddress) {
        var problems = form.problems();
        if (!problems.isEmpty()) {
            return Mono.error(new Refusal(Kind.INVALID_INPUT, String.join("; ", problems)));
        }
        UUID tenantId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = EmailAddress.normalise(form.email());
        Business business = new Business(tenantId, form.businessName().strip(), form.businessType(), form.timeZone(),
                form.defaultLanguage(), form.normalisedCurrency());
        return identities.userByEmail(email)
                .flatMap(existing -> Mono.<String>error(new Refusal(Kind.CONFLICT,
                        "An account with this email already exists; sign in or reset the password.")))
                .switchIfEmpty(passwords.hash(form.password()))
                .flatMap(hash -> tenants.inTenant(tenantId, () -> identities.insertUser(userId, email, form.ownerName().strip(), hash)
                        .then(identities.insertBusiness(business))
                        .then(identities.addMembership(tenantId, userId, Role.OWNER))
                        .then(audit.record(new SignedInUser(null, userId, email, form.ownerName(), false, false, tenantId,
                                Role.OWNER, false).actor(clientAddress), "business.created", "business", tenantId, null,
                                businessJson(business)))))
                .onErrorMap(org.springframework.dao.DuplicateKeyException.class,
                        duplicate -> new Refusal(Kind.CONFLICT, "An account with this email already exists; sign in or reset the password."))
                .then(Mono.defer(() -> sessions.open(userId, tenantId)))
                .flatMap(secret -> sessions.resolve(secret).flatMap(this::me).map(me -> new SignedIn(secret, me)))
                .doOnSuccess(done -> log.info("Business {} signed up by {}", tenantId, EmailAddress.masked(email)));
    }

    public Mono<SignedIn> login(String rawEmail, String password, String totpCode, String clientAddress) {
        String email = EmailAddress.normalise(rawEmail);
        Instant now = clock.instant();
        return Mono.zip(identities.failuresSinceLastSuccess(email, now.minus(throttle.lockout())),
                        identities.failuresFrom(clientAddress, now.minus(throttle.window())))
                .flatMap(recent -> {
                    var wait = throttle.retryAfter(recent.getT1(), recent.getT2(), now);
                    if (wait.isPresent()) {
                        log.warn("Login throttled for {} from {}", EmailAddress.masked(email), clientAddress);
                        return Mono.error(new Refusal(Kind.THROTTLED,
                                "Too many failed sign-in attempts; try again later.", wait.get()));
                    }
                    return identities.userByEmail(email).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
                })
                .flatMap(found -> passwords.matches(password, found.map(User::passwordHash).orElse(null))
                        .flatMap(ok -> ok ? secondFactor(found.get(), totpCode)
                                : Mono.error(new Refusal(Kind.INVALID_CREDENTIALS, "The email or password is wrong."))))
                .onErrorResume(Refusal.class, refused -> refused.kind() == Kind.INVALID_CREDENTIALS
                        ? identities.recordAttempt(email, clientAddress, false).then(Mono.error(refused))
                        : Mono.error(refused))
                .flatMap(user -> identities.recordAttempt(email, clientAddress, true)
                        .then(identities.membershipsOf(user.id()).next().map(m -> m.tenantId())
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                        .flatMap(tenant -> sessions.open(user.id(), tenant.orElse(null))))
                .flatMap(secret -> sessions.resolve(secret).flatMap(this::me).map(me -> new SignedIn(secret, me)));
    }

    private Mono<User> secondFactor(User user, String code) {
        if (!user.totpEnabled()) {
            return Mono.just(user);
        }
        if (code == null || code.isBlank()) {
            return Mono.error(new Refusal(Kind.TOTP_REQUIRED, "Enter the code from your authenticator app."));
        }
        byte[] secret = io.dinechat.gateway.identity.domain.Base32.decode(cipher.decrypt(user.id(), user.totpSecret()));
        var step = Totp.verify(secret, code.strip(), clock.instant(), user.totpLastStep());
        if (step.isEmpty()) {
            return Mono.error(new Refusal(Kind.INVALID_CREDENTIALS, "The email, password or code is wrong."));
        }
        return identities.useTotpStep(user.id(), step.getAsLong()).flatMap(fresh -> fresh ? Mono.just(user)
                : Mono.error(new Refusal(Kind.INVALID_CREDENTIALS, "The email, password or code is wrong.")));
    }

    public Mono<Void> logout(SignedInUser user) {
        return sessions.close(user);
    }

    public Mono<Me> me(SignedInUser user) {
        Mono<String> businessName = user.tenantId() == null ? Mono.just("")
                : identities.businessName(user.tenantId()).defaultIfEmpty("");
        return Mono.zip(businessName, identities.membershipsOf(user.userId())
                        .map(m -> new Me.Membership(m.tenantId(), m.businessName(), m.role().claim())).collectList())
                .map(t -> new Me(new Me.User(user.userId(), user.email(), user.name(), user.totpEnabled()),
                        user.tenantId(), t.getT1().isEmpty() ? null : t.getT1(),
                        user.role() == null ? null : user.role().claim(), t.getT2()));
    }

    /** Moves the session to another business the user belongs to (ends any act-as). */
    public Mono<Me> switchTenant(SignedInUser user, UUID tenantId) {
        return tenants.inTenant(tenantId, () -> identities.roleOf(user.userId()))
                .switchIfEmpty(Mono.error(new Refusal(Kind.FORBIDDEN, "You are not a member of that business.")))
                .flatMap(role -> sessionStore.switchTenant(user.sessionHash(), tenantId, false))
                .then(Mono.defer(() -> reload(user)));
    }

    /**
     * A platform admin works on a business explicitly, with a reason, and it is audited in that
     * business's own trail before the session may act there.
     */
    public Mono<Me> actAs(SignedInUser user, UUID tenantId, String reason, String clientAddress) {
        if (!user.platformAdmin()) {
            return Mono.error(new Refusal(Kind.FORBIDDEN, "Only platform admins can act as a business."));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return Mono.error(new Refusal(Kind.INVALID_INPUT, "reason must say why (1 to 500 characters)."));
        }
        SignedInUser acting = new SignedInUser(user.sessionHash(), user.userId(), user.email(), user.name(), true,
                user.totpEnabled(), tenantId, Role.PLATFORM_ADMIN, true);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", reason.strip());
        after.put("adminEmail", user.email());
        return identities.businessName(tenantId)
                .switchIfEmpty(Mono.error(new Refusal(Kind.NOT_FOUND, "No such business.")))
                .flatMap(name -> tenants.inTenant(tenantId, () -> sessionStore.switchTenant(user.sessionHash(), tenantId, true)
                        .then(audit.record(acting.actor(clientAddress), "platform_admin.acted_as", "business", tenantId,
                                null, after))))
                .doOnSuccess(done -> log.warn("Platform admin {} acts as business {}", user.userId(), tenantId))
                .then(Mono.defer(() -> reload(user)));
    }

    private Mono<Me> reload(SignedInUser user) {
        return sessions.resolveByHash(user.sessionHash())
                .switchIfEmpty(Mono.error(new Refusal(Kind.UNAUTHENTICATED, "Please sign in.")))
                .flatMap(this::me);
    }

    static Map<String, Object> businessJson(Business b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", b.name());
        json.put("businessType", b.businessType());
        json.put("timeZone", b.timeZone());
        json.put("defaultLanguage", b.defaultLanguage());
        json.put("currency", b.currency());
        return json;
    }
}
