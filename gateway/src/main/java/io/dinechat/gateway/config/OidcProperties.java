package io.dinechat.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An external OpenID Connect provider that signs people in instead of (or beside) the built-in
 * password login. Off while {@code issuer} is empty. Production values come from
 * {@code DINECHAT_OIDC_*} variables; the client secret belongs in a Secret.
 *
 * @param issuer        the provider's issuer URL; discovery reads {@code <issuer>/.well-known/openid-configuration}
 * @param clientId      the client registered at the provider (also the ID token's audience)
 * @param clientSecret  its secret, sent with client_secret_basic to the token endpoint
 * @param scopes        space-separated; {@code openid} is always sent
 * @param emailClaim    the ID token claim that carries the user's email
 * @param passwordLogin whether the built-in password login, sign-up and resets stay on beside the provider
 * @param signUp        whether a verified email with no account gets a new business of its own (off: refused)
 * @param displayName   what the dashboard's sign-in button calls the provider
 * @param loginTimeout  how long a started sign-in may take at the provider
 * @param timeout       how long the gateway waits for the provider's discovery, keys and token endpoint
 */
@ConfigurationProperties("dinechat.gateway.identity.oidc")
public record OidcProperties(
        @DefaultValue("") String issuer,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("openid email profile") String scopes,
        @DefaultValue("email") String emailClaim,
        @DefaultValue("true") boolean passwordLogin,
        @DefaultValue("false") boolean signUp,
        @DefaultValue("Single sign-on") String displayName,
        @DefaultValue("10m") Duration loginTimeout,
        @DefaultValue("5s") Duration timeout) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public OidcProperties {
        if (issuer != null && !issuer.isBlank()) {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalStateException(
                        "DINECHAT_OIDC_ISSUER is set: DINECHAT_OIDC_CLIENT_ID and DINECHAT_OIDC_CLIENT_SECRET are required too");
            }
            URI uri = URI.create(issuer.strip());
            // Tokens and secrets travel to the provider: only a loopback stand-in may use plain http.
            if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()))) {
                throw new IllegalStateException("DINECHAT_OIDC_ISSUER must be an https URL");
            }
        }
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    /** Password login can only be switched off when a provider signs people in instead. */
    public boolean passwordLoginEnabled() {
        return !enabled() || passwordLogin;
    }

    /** The issuer exactly as configured: the discovery document and every ID token must name it identically. */
    public String issuerId() {
        return issuer.strip();
    }

    /** OpenID Connect Discovery 1.0, section 4: the issuer without its terminating slash, then the well-known path. */
    public URI discoveryUri() {
        String base = issuerId();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/.well-known/openid-configuration");
    }

    public List<String> scopeList() {
        var scopes = new java.util.LinkedHashSet<String>();
        scopes.add("openid");
        scopes.addAll(Arrays.stream(this.scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).toList());
        return List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OidcProperties[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isBlank() ? "<none>" : "<redacted>") + ", scopes=" + scopes + ", emailClaim=" + emailClaim
                + ", passwordLogin=" + passwordLogin + ", signUp=" + signUp + "]";
    }
}
