package io.dinechat.gateway.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dashboard identity: sessions, password hashing, one-time links, login throttling, the token
 * minted toward services, and the demo owner of the local stack. Production values come from
 * {@code DINECHAT_IDENTITY_*} variables (see application.yml).
 */
@ConfigurationProperties("dinechat.gateway.identity")
public record IdentityProperties(
        @DefaultValue Sessions sessions,
        @DefaultValue("12") int bcryptStrength,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("30m") Duration resetLinkLifetime,
        @DefaultValue("7d") Duration invitationLifetime,
        @DefaultValue Throttle throttle,
        @DefaultValue Tokens tokens,
        @DefaultValue Mail mail,
        @DefaultValue Demo demo) {

    /**
     * @param secureCookies false only for plain-http test clients; browsers accept Secure cookies on http://localhost
     */
    public record Sessions(@DefaultValue("2h") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout,
            @DefaultValue("true") boolean secureCookies) {
    }

    /** Lock an account after {@code accountFailures} failures in a row; throttle an address after {@code addressFailures}. */
    public record Throttle(@DefaultValue("5") int accountFailures, @DefaultValue("15m") Duration lockout,
            @DefaultValue("20") int addressFailures, @DefaultValue("15m") Duration window) {
    }

    /**
     * @param signingJwk         the RSA private key as a JWK (JSON) from a Secret; empty: a throwaway key, with a warning
     * @param previousPublicJwks public keys still published during a rotation (a JWK set), or empty
     * @param lifetime           how long a token toward a service lives (at most 60 s, by contract)
     */
    public record Tokens(@DefaultValue("") String signingJwk, @DefaultValue("") String previousPublicJwks,
            @DefaultValue("60s") Duration lifetime) {

        @Override
        public String toString() {
            return "Tokens[signingJwk=" + (signingJwk.isBlank() ? "<none>" : "<redacted>") + ", lifetime=" + lifetime + "]";
        }
    }

    /** @param logLinks write one-time links into the log (local stack only: a link is a password) */
    public record Mail(@DefaultValue("false") boolean logLinks) {
    }

    /** The local stack's demo restaurant gets an owner who can sign in to the dashboard. */
    public record Demo(@DefaultValue("false") boolean enabled,
            @DefaultValue("6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11") java.util.UUID tenantId,
            @DefaultValue("Trattoria Aurora") String businessName,
            @DefaultValue("owner@trattoria-aurora.example") String ownerEmail,
            @DefaultValue("") String ownerPassword) {

        @Override
        public String toString() {
            return "Demo[enabled=" + enabled + ", tenantId=" + tenantId + ", ownerEmail=" + ownerEmail + "]";
        }
    }
}
