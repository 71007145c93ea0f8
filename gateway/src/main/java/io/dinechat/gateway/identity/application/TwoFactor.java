package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.identity.application.Refusal.Kind;
import io.dinechat.gateway.identity.domain.Base32;
import io.dinechat.gateway.identity.domain.Totp;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The optional TOTP second factor. The secret is sealed with the credential cipher, bound to the
 * user's id, and switched on only after the user proves their app produces the right codes.
 */
@Service
public class TwoFactor {

    /** A fresh secret to show once, as text and as an otpauth URI for a QR code. */
    public record Setup(String secret, String otpauthUri) {
    }

    private final IdentityStore identities;
    private final CredentialCipher cipher;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final Clock clock;

    public TwoFactor(IdentityStore identities, CredentialCipher cipher, TenantTransactions tenants, AuditTrail audit,
            Clock clock) {
        this.identities = identities;
        this.cipher = cipher;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Setup> setup(SignedInUser user) {
        if (user.totpEnabled()) {
            return Mono.error(new Refusal(Kind.CONFLICT, "Two-factor sign-in is already on; turn it off first."));
        }
        byte[] secret = OneTimeSecrets.randomBytes(20);
        String text = Base32.encode(secret);
        return identities.storeTotpSecret(user.userId(), cipher.encrypt(user.userId(), text))
                .thenReturn(new Setup(text, Totp.otpauthUri("DineChat", user.email(), secret)));
    }

    public Mono<Void> enable(SignedInUser user, String code, String clientAddress) {
        return identities.user(user.userId())
                .filter(u -> u.totpSecret() != null)
                .switchIfEmpty(Mono.error(new Refusal(Kind.CONFLICT, "Start two-factor setup first.")))
                .flatMap(u -> {
                    byte[] secret = Base32.decode(cipher.decrypt(u.id(), u.totpSecret()));
                    var step = Totp.verify(secret, code == null ? null : code.strip(), clock.instant(), u.totpLastStep());
                    if (step.isEmpty()) {
                        return Mono.error(new Refusal(Kind.INVALID_INPUT, "That code is not right; check the time on your phone."));
                    }
                    return identities.useTotpStep(u.id(), step.getAsLong()).then(identities.enableTotp(u.id()))
                            .then(audited(user, clientAddress, "user.totp_enabled", true));
                });
    }

    public Mono<Void> disable(SignedInUser user, String clientAddress) {
        return identities.disableTotp(user.userId()).then(audited(user, clientAddress, "user.totp_disabled", false));
    }

    /** Into the trail of the business the user works in, when they work in one. */
    private Mono<Void> audited(SignedInUser user, String clientAddress, String action, boolean enabled) {
        if (!user.hasTenant()) {
            return Mono.empty();
        }
        return tenants.inTenant(user.tenantId(), () -> audit.record(user.actor(clientAddress), action, "user",
                user.userId(), Map.of("totpEnabled", !enabled), Map.of("totpEnabled", enabled)));
    }
}
