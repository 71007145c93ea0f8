package io.dinechat.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dinechat.platform.security.GatewayTokens;
import io.dinechat.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Plays the gateway for a service under test: one RSA key per JVM, its public half handed to the
 * service as an inline JWK set, and tokens minted with exactly the gateway's claims. Tests send
 * {@code Authorization: <bearer(...)>} the way the gateway does.
 */
public final class TestIdentity {

    private static final RSAKey KEY = generate();

    private TestIdentity() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("dinechat.identity.jwk-set", TestIdentity::publicJwkSet);
    }

    public static String publicJwkSet() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** {@code Bearer <jwt>} for a user of a business in a role, valid for a minute. */
    public static String bearer(UUID tenantId, UUID userId, Role role) {
        return "Bearer " + token(tenantId, userId, role, Instant.now().plus(Duration.ofMinutes(1)), KEY);
    }

    /** A token that expired a while ago: services must answer 401. */
    public static String expiredBearer(UUID tenantId, UUID userId, Role role) {
        return "Bearer " + token(tenantId, userId, role, Instant.now().minus(Duration.ofMinutes(5)), KEY);
    }

    /** A well-formed token signed by a key the service does not trust: services must answer 401. */
    public static String forgedBearer(UUID tenantId, UUID userId, Role role) {
        return "Bearer " + token(tenantId, userId, role, Instant.now().plus(Duration.ofMinutes(1)), generate());
    }

    private static String token(UUID tenantId, UUID userId, Role role, Instant expiresAt, RSAKey key) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(1));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(GatewayTokens.ISSUER)
                .audience(GatewayTokens.AUDIENCE)
                .subject(userId.toString())
                .claim(GatewayTokens.TENANT_CLAIM, tenantId.toString())
                .claim(GatewayTokens.ROLE_CLAIM, role.claim())
                .claim(GatewayTokens.CLIENT_ADDRESS_CLAIM, "203.0.113.7")
                .claim(GatewayTokens.ACT_AS_CLAIM, role == Role.PLATFORM_ADMIN)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
