package io.dinechat.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dinechat.gateway.identity.application.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints the short-lived RS256 token each proxied API request carries to its service, with the
 * claims of docs/contracts.md ("Identity"): who, for which business, in which role, from where,
 * and whether a platform admin is acting as the business. Lifetime is capped at 60 seconds.
 */
public class ServiceTokens {

    public static final String ISSUER = "dinechat-gateway";
    public static final String AUDIENCE = "dinechat-services";
    private static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    private final SigningKeys keys;
    private final RSASSASigner signer;
    private final Duration lifetime;
    private final Clock clock;

    public ServiceTokens(SigningKeys keys, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime.compareTo(MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()
                ? MAX_LIFETIME : lifetime;
        this.clock = clock;
        try {
            this.signer = new RSASSASigner(keys.signing());
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key cannot sign", e);
        }
    }

    /** @param user a signed-in user working on a business ({@link SignedInUser#hasTenant()}) */
    public String mint(SignedInUser user, String clientAddress) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.userId().toString())
                .claim("tenant_id", user.tenantId().toString())
                .claim("role", user.role().claim())
                .claim("client_address", clientAddress)
                .claim("act_as", user.actingAs())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signing().getKeyID())
                .type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a service token", e);
        }
        return jwt.serialize();
    }
}
