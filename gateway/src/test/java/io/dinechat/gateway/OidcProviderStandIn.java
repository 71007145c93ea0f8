package io.dinechat.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * An OpenID Connect provider on its real wire format, Keycloak-shaped (an issuer with a path):
 * discovery, the JWKS with its RS256 key, and a token endpoint that redeems only the codes a test
 * registered, only for the right client credentials (client_secret_basic), answering the ID token
 * the test minted; any other code gets {@code invalid_grant}, as from a real provider.
 */
final class OidcProviderStandIn {

    static final String CLIENT_ID = "dinechat-dashboard";
    static final String CLIENT_SECRET = "provider-secret_0123456789";
    static final String REALM = "/realms/dinechat";
    static final String TOKEN_PATH = REALM + "/protocol/openid-connect/token";

    final RSAKey key = rsaKey("provider-key-1");
    final WireMockServer server;
    final String issuer;

    OidcProviderStandIn() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        issuer = server.baseUrl() + REALM;
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer": "%1$s",
                 "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                 "token_endpoint": "%1$s/protocol/openid-connect/token",
                 "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "response_types_supported": ["code"],
                 "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "code_challenge_methods_supported": ["S256"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"]}
                """.formatted(issuer))));
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
                .willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    }

    /** Points the gateway at this provider. */
    void configure(DynamicPropertyRegistry registry, boolean passwordLogin, boolean signUp) {
        registry.add("dinechat.gateway.identity.oidc.issuer", () -> issuer);
        registry.add("dinechat.gateway.identity.oidc.client-id", () -> CLIENT_ID);
        registry.add("dinechat.gateway.identity.oidc.client-secret", () -> CLIENT_SECRET);
        registry.add("dinechat.gateway.identity.oidc.password-login", () -> String.valueOf(passwordLogin));
        registry.add("dinechat.gateway.identity.oidc.sign-up", () -> String.valueOf(signUp));
        registry.add("dinechat.gateway.identity.oidc.display-name", () -> "Acme SSO");
    }

    /** The token endpoint answers this code (and only with the client's credentials) with this ID token. */
    void redeems(String code, String idToken) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson("""
                        {"access_token": "at-%s", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}
                        """.formatted(code, idToken))));
    }

    List<LoggedRequest> redemptionsOf(String code) {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("code=" + code)));
    }

    /** What a provider puts in an ID token for this person and sign-in. */
    JWTClaimsSet.Builder claims(String email, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID).subject("sub-" + email)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("email", email).claim("email_verified", true).claim("name", "Test Person")
                .claim("azp", CLIENT_ID);
    }

    String idToken(String email, String nonce, Consumer<JWTClaimsSet.Builder> tweak) {
        return idToken(key, email, nonce, tweak);
    }

    String idToken(RSAKey signingKey, String email, String nonce, Consumer<JWTClaimsSet.Builder> tweak) {
        JWTClaimsSet.Builder claims = claims(email, nonce);
        tweak.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The browser asks the gateway to sign in and is sent to the provider: the authorization request's parameters. */
    static Map<String, String> start(Browser browser) {
        var started = browser.get("/api/identity/oidc/login");
        assertThat(started.getStatus().value()).as(Browser.text(started)).isEqualTo(302);
        return form(started.getResponseHeaders().getLocation().getRawQuery());
    }

    /** The provider sends the browser back with a code that redeems to this ID token. */
    EntityExchangeResult<byte[]> callback(Browser browser, Map<String, String> authorization, String code, String idToken) {
        redeems(code, idToken);
        return browser.get("/api/identity/oidc/callback?code=" + code + "&state=" + authorization.get("state"));
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
