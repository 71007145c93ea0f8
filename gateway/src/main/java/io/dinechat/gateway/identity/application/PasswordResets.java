package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.config.OidcProperties;
import io.dinechat.gateway.identity.application.Refusal.Kind;
import io.dinechat.gateway.identity.domain.EmailAddress;
import io.dinechat.gateway.identity.domain.PasswordMail;
import io.dinechat.gateway.identity.domain.PasswordRules;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.SessionStore;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password resets and invitations share one mechanism: a one-time link (random secret, only its
 * hash stored, short-lived) through the mail port, and a confirm step that sets the password and
 * signs every other browser out.
 */
@Service
public class PasswordResets {

    private final IdentityStore identities;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final PasswordMail mail;
    private final TransactionalOperator tx;
    private final IdentityProperties properties;
    private final OidcProperties oidc;
    private final Clock clock;

    public PasswordResets(IdentityStore identities, SessionStore sessions, Passwords passwords, PasswordMail mail,
            TransactionalOperator tx, IdentityProperties properties, OidcProperties oidc, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.passwords = passwords;
        this.mail = mail;
        this.tx = tx;
        this.properties = properties;
        this.oidc = oidc;
        this.clock = clock;
    }

    /** Always completes the same way, whether or not the email has an account: nothing to enumerate. */
    public Mono<Void> request(String rawEmail) {
        String email = EmailAddress.normalise(rawEmail);
        if (!EmailAddress.problems(email).isEmpty()) {
            return Mono.empty();
        }
        return identities.userByEmail(email)
                .flatMap(user -> link(user.id(), "reset", properties.resetLinkLifetime())
                        .flatMap(link -> send(() -> mail.sendPasswordReset(user.email(), user.name(), link))))
                .then();
    }

    /**
     * A set-password link for a newly invited member; when the provider replaces passwords, a link
     * to the dashboard, where the first sign-in through the provider links the account.
     */
    public Mono<Void> invite(UUID userId, String email, String name, String businessName) {
        if (!oidc.passwordLoginEnabled()) {
            String signIn = properties.publicUrl().resolve("/").toString();
            return send(() -> mail.sendInvitation(email, name, businessName, signIn));
        }
        return link(userId, "invite", properties.invitationLifetime())
                .flatMap(link -> send(() -> mail.sendInvitation(email, name, businessName, link)));
    }

    public Mono<Void> confirm(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.error(new Refusal(Kind.INVALID_TOKEN, "This link is invalid or has expired; ask for a new one."));
        }
        var problems = PasswordRules.problems(newPassword, null);
        if (!problems.isEmpty()) {
            return Mono.error(new Refusal(Kind.INVALID_INPUT, String.join("; ", problems)));
        }
        return passwords.hash(newPassword).flatMap(hash -> tx.transactional(
                identities.consumePasswordToken(OneTimeSecrets.hash(token))
                        .switchIfEmpty(Mono.error(new Refusal(Kind.INVALID_TOKEN,
                                "This link is invalid or has expired; ask for a new one.")))
                        .flatMap(userId -> identities.setPassword(userId, hash).then(sessions.deleteAllOf(userId)))));
    }

    private Mono<String> link(UUID userId, String purpose, java.time.Duration lifetime) {
        String secret = OneTimeSecrets.newSecret();
        String path = "invite".equals(purpose) ? "/accept-invitation" : "/reset-password";
        return identities.insertPasswordToken(OneTimeSecrets.hash(secret), userId, purpose, clock.instant().plus(lifetime))
                .thenReturn(properties.publicUrl().resolve(path) + "?token=" + secret);
    }

    /** Mail adapters may block (SMTP): keep them off the event loop. */
    private static Mono<Void> send(Runnable delivery) {
        return Mono.fromRunnable(delivery).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
