package io.dinechat.gateway.identity.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.config.OidcProperties;
import io.dinechat.gateway.identity.application.Accounts;
import io.dinechat.gateway.identity.application.OneTimeSecrets;
import io.dinechat.gateway.identity.application.Sessions;
import io.dinechat.gateway.identity.application.SignedInUser;
import io.dinechat.gateway.identity.domain.EmailAddress;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.IdentityStore.Business;
import io.dinechat.gateway.identity.persistence.IdentityStore.Membership;
import io.dinechat.gateway.identity.persistence.IdentityStore.User;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sign-in through the configured OpenID Connect provider: the authorization code flow with state,
 * nonce and PKCE (S256), the started sign-in kept server-side and bound to the browser that
 * started it. The verified email finds the user (an invited email links its account on the first
 * sign-in; afterwards the provider's subject finds it), a membership is required, and the result
 * is the same session the password login opens, audited in the business's trail.
 */
@Service
public class OidcSignIn {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** Where the browser goes next, and the secret of the cookie that binds the sign-in to it. */
    public record Started(URI authorizationUri, String browserSecret) {
    }

    private record Match(User user, boolean link) {
    }

    private final OidcProperties settings;
    private final OidcProvider provider;
    private final IdTokenVerifier verifier;
    private final OidcStore store;
    private final IdentityStore identities;
    private final Sessions sessions;
    private final Accounts accounts;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final URI redirectUri;
    private final Clock clock;

    OidcSignIn(OidcProperties settings, IdentityProperties identity, OidcStore store, IdentityStore identities,
            Sessions sessions, Accounts accounts, TenantTransactions tenants, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.provider = settings.enabled() ? new OidcProvider(settings, clock) : null;
        this.verifier = settings.enabled() ? new IdTokenVerifier(settings.clientId(), clock) : null;
        this.store = store;
        this.identities = identities;
        this.sessions = sessions;
        this.accounts = accounts;
        this.tenants = tenants;
        this.audit = audit;
        this.redirectUri = identity.publicUrl().resolve("/api/identity/oidc/callback");
        this.clock = clock;
        if (settings.enabled()) {
            log.info("Sign-in through the OpenID Connect provider {} (client {}); password login {}", settings.issuerId(),
                    settings.clientId(), settings.passwordLoginEnabled() ? "stays on" : "is off");
        } else if (!settings.passwordLogin()) {
            log.warn("DINECHAT_OIDC_PASSWORD_LOGIN=false without DINECHAT_OIDC_ISSUER: password login stays on");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Records a new sign-in and answers where to send the browser: the provider's authorization endpoint. */
    public Mono<Started> start() {
        String state = OneTimeSecrets.newSecret();
        String nonce = OneTimeSecrets.newSecret();
        String codeVerifier = OneTimeSecrets.newSecret();
        String browser = OneTimeSecrets.newSecret();
        return Mono.defer(() -> provider().metadata())
                .onErrorMap(OidcProvider.Unavailable.class, this::unavailable)
                .flatMap(meta -> store.forgetExpired()
                        .then(store.start(OneTimeSecrets.hash(state), OneTimeSecrets.hash(browser), nonce, codeVerifier,
                                clock.instant().plus(settings.loginTimeout())))
                        .thenReturn(new Started(authorization(meta.authorizationEndpoint(), Map.of(
                                "response_type", "code",
                                "client_id", settings.clientId(),
                                "redirect_uri", redirectUri.toString(),
                                "scope", String.join(" ", settings.scopeList()),
                                "state", state,
                                "nonce", nonce,
                                "code_challenge", challenge(codeVerifier),
                                "code_challenge_method", "S256")), browser)));
    }

    /**
     * Finishes a sign-in: the provider's answer must carry the state this browser started, the
     * code must redeem to an ID token that verifies with the started nonce, and the email must
     * belong to a member. Nothing is created before all of that holds.
     */
    public Mono<Accounts.SignedIn> complete(String code, String state, String error, String browserSecret,
            String clientAddress) {
        if (error != null) {
            log.info("The provider answered the sign-in with error {}", error.matches("[a-z_]{1,40}") ? error : "<unreadable>");
            return Mono.error(new OidcRefusal(HttpStatus.UNAUTHORIZED, "sign-in-failed",
                    "The provider did not sign you in; please start again."));
        }
        if (blank(code) || code.length() > 4096 || blank(state) || state.length() > 100) {
            return Mono.error(OidcRefusal.failed());
        }
        if (blank(browserSecret) || browserSecret.length() > 100) {
            log.warn("OIDC callback without the browser's sign-in cookie: refused");
            return Mono.error(OidcRefusal.failed());
        }
        return Mono.defer(() -> provider().metadata()).onErrorMap(OidcProvider.Unavailable.class, this::unavailable)
                .flatMap(meta -> store
                .take(OneTimeSecrets.hash(state))
                .switchIfEmpty(Mono.error(() -> rejected("an unknown, used or expired state")))
                .flatMap(pending -> MessageDigest.isEqual(pending.browserHash(), OneTimeSecrets.hash(browserSecret))
                        ? Mono.just(pending) : Mono.error(rejected("a state started in another browser")))
                .flatMap(pending -> provider.redeem(meta, code, pending.codeVerifier(), redirectUri)
                        .onErrorMap(OidcProvider.CodeRefused.class, e -> rejected(e.getMessage()))
                        .onErrorMap(OidcProvider.Unavailable.class, this::unavailable)
                        .flatMap(idToken -> verified(meta, idToken, pending.nonce()))))
                .flatMap(identity -> signIn(identity, clientAddress));
    }

    private Mono<IdTokenVerifier.VerifiedIdentity> verified(OidcProvider.Metadata meta, String idToken, String nonce) {
        return provider.keys(meta, false).flatMap(keys -> {
            String keyId = IdTokenVerifier.keyId(idToken);
            boolean known = keyId == null || keys.getKeyByKeyId(keyId) != null;
            // An unknown key id may mean the provider rotated its keys: read them again (rate-limited) first.
            return known ? Mono.just(keys) : provider.keys(meta, true);
        }).onErrorMap(OidcProvider.Unavailable.class, this::unavailable).flatMap(keys -> verify(idToken, meta, keys, nonce));
    }

    private Mono<IdTokenVerifier.VerifiedIdentity> verify(String idToken, OidcProvider.Metadata meta, JWKSet keys, String nonce) {
        try {
            return Mono.just(verifier.verify(idToken, meta, keys, nonce));
        } catch (IdTokenVerifier.Rejected e) {
            return Mono.error(rejected(e.getMessage()));
        }
    }

    private Mono<Accounts.SignedIn> signIn(IdTokenVerifier.VerifiedIdentity identity, String clientAddress) {
        Object claimed = identity.claims().getClaim(settings.emailClaim());
        String email = claimed instanceof String text ? EmailAddress.normalise(text) : "";
        if (!EmailAddress.problems(email).isEmpty()) {
            log.warn("The provider's ID token has no usable email in claim {}", settings.emailClaim());
            return Mono.error(new OidcRefusal(HttpStatus.FORBIDDEN, "unknown-account",
                    "The provider did not tell DineChat your email address, so no account can be found."));
        }
        if (Boolean.FALSE.equals(identity.claims().getClaim("email_verified"))) {
            return Mono.error(new OidcRefusal(HttpStatus.FORBIDDEN, "email-not-verified",
                    "The provider has not verified your email address yet; verify it there, then sign in again."));
        }
        Mono<Match> byLink = store.linkedUser(identity.issuer(), identity.subject()).flatMap(identities::user)
                .map(user -> new Match(user, false));
        Mono<Match> byEmail = identities.userByEmail(email).flatMap(user -> store.linkedSubject(user.id(), identity.issuer())
                .flatMap(other -> Mono.<Match>error(new OidcRefusal(HttpStatus.CONFLICT, "conflict",
                        "This DineChat account is already linked to another account at the provider.")))
                .switchIfEmpty(Mono.just(new Match(user, true))));
        Mono<Match> signUp = Mono.defer(() -> settings.signUp() ? newBusiness(identity, email, clientAddress)
                : Mono.error(new OidcRefusal(HttpStatus.FORBIDDEN, "unknown-account",
                        "No DineChat account uses " + email + "; ask the business's owner to invite you.")));
        return byLink.switchIfEmpty(Mono.defer(() -> byEmail)).switchIfEmpty(signUp)
                .flatMap(match -> identities.membershipsOf(match.user().id()).collectList()
                        .flatMap(memberships -> open(match, memberships, identity, clientAddress)))
                .onErrorMap(DuplicateKeyException.class, raced -> OidcRefusal.failed())
                .doOnSuccess(done -> log.info("{} signed in through the provider", EmailAddress.masked(email)));
    }

    private Mono<Accounts.SignedIn> open(Match match, List<Membership> memberships, IdTokenVerifier.VerifiedIdentity identity,
            String clientAddress) {
        User user = match.user();
        if (memberships.isEmpty() && !user.platformAdmin()) {
            return Mono.error(new OidcRefusal(HttpStatus.FORBIDDEN, "no-business",
                    "You are not a member of any business on DineChat; ask its owner to invite you."));
        }
        Mono<Void> remember = match.link() ? store.link(identity.issuer(), identity.subject(), user.id())
                : store.signedIn(identity.issuer(), identity.subject());
        UUID tenant = memberships.isEmpty() ? null : memberships.getFirst().tenantId();
        Mono<Void> recorded;
        if (tenant == null) {
            // A platform admin without a business: no business trail to write to until an audited act-as.
            recorded = remember.doOnSuccess(done -> log.warn("Platform admin {} signed in through the provider", user.id()));
        } else {
            Role role = memberships.getFirst().role();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("method", "oidc");
            after.put("issuer", identity.issuer());
            after.put("accountLinked", match.link());
            recorded = tenants.inTenant(tenant, () -> remember.then(audit.record(new SignedInUser(null, user.id(),
                    user.email(), user.name(), user.platformAdmin(), user.totpEnabled(), tenant, role, false)
                    .actor(clientAddress), "user.signed_in", "user", user.id(), null, after)));
        }
        return recorded.then(Mono.defer(() -> sessions.open(user.id(), tenant)))
                .flatMap(secret -> sessions.resolve(secret).flatMap(accounts::me).map(me -> new Accounts.SignedIn(secret, me)));
    }

    /**
     * Only with {@code DINECHAT_OIDC_SIGN_UP=true}: a verified email with no account gets its own
     * business, owned by it and named after the person; the owner completes the profile later.
     */
    private Mono<Match> newBusiness(IdTokenVerifier.VerifiedIdentity identity, String email, String clientAddress) {
        UUID tenantId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String name = personName(identity, email);
        Business business = new Business(tenantId, truncate(name + "'s business", 200), "other",
                zone(identity.claims().getClaim("zoneinfo")), "english", "USD");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", business.name());
        after.put("businessType", business.businessType());
        after.put("timeZone", business.timeZone());
        after.put("defaultLanguage", business.defaultLanguage());
        after.put("currency", business.currency());
        after.put("signedUpThrough", identity.issuer());
        return tenants.inTenant(tenantId, () -> identities.insertUser(userId, email, name, null)
                        .then(identities.insertBusiness(business))
                        .then(identities.addMembership(tenantId, userId, Role.OWNER))
                        .then(audit.record(new SignedInUser(null, userId, email, name, false, false, tenantId, Role.OWNER,
                                false).actor(clientAddress), "business.created", "business", tenantId, null, after)))
                .then(Mono.defer(() -> identities.user(userId)))
                .map(user -> new Match(user, true))
                .doOnSuccess(done -> log.info("Business {} signed up through the provider by {}", tenantId,
                        EmailAddress.masked(email)));
    }

    private OidcProvider provider() {
        if (provider == null) {
            throw new OidcRefusal(HttpStatus.NOT_FOUND, "not-found", "Sign-in through a provider is not configured.");
        }
        return provider;
    }

    private OidcRefusal rejected(String why) {
        log.warn("OIDC sign-in refused: {}", why);
        return OidcRefusal.failed();
    }

    private OidcRefusal unavailable(Throwable cause) {
        log.warn("The OpenID Connect provider is unavailable: {}", cause.getMessage());
        return new OidcRefusal(HttpStatus.BAD_GATEWAY, "provider-unavailable",
                "The sign-in provider cannot be reached right now; please try again in a moment.");
    }

    static String challenge(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6749 appendix B: the query is application/x-www-form-urlencoded, appended to any query the endpoint has. */
    private static URI authorization(URI endpoint, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(endpoint.toString());
        char separator = endpoint.getRawQuery() == null ? '?' : '&';
        for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
                "code_challenge", "code_challenge_method")) {
            uri.append(separator).append(name).append('=')
                    .append(URLEncoder.encode(parameters.get(name), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String personName(IdTokenVerifier.VerifiedIdentity identity, String email) {
        try {
            String name = identity.claims().getStringClaim("name");
            if (name != null && !name.isBlank()) {
                return truncate(name.strip(), 180);
            }
        } catch (ParseException notText) {
            // fall through to the email's local part
        }
        return truncate(email.substring(0, email.indexOf('@')), 180);
    }

    private static String zone(Object claimed) {
        if (claimed instanceof String text && !text.isBlank()) {
            try {
                return ZoneId.of(text).getId();
            } catch (DateTimeException notAZone) {
                return "UTC";
            }
        }
        return "UTC";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
