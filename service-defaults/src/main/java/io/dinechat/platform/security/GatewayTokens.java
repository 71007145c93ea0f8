package io.dinechat.platform.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies the short-lived token the gateway mints for every dashboard request: RS256 against the
 * gateway's published keys, our issuer and audience, not expired, and carrying the claims an
 * {@link Actor} needs. Anything else is rejected before a controller runs.
 */
public final class GatewayTokens {

    public static final String ISSUER = "dinechat-gateway";
    public static final String AUDIENCE = "dinechat-services";
    public static final String TENANT_CLAIM = "tenant_id";
    public static final String ROLE_CLAIM = "role";
    public static final String CLIENT_ADDRESS_CLAIM = "client_address";
    public static final String ACT_AS_CLAIM = "act_as";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private GatewayTokens() {
    }

    /** From an inline JWK set (tests, pinned keys) when given, else from the gateway's JWKS URL. */
    public static ReactiveJwtDecoder decoder(String inlineJwkSet, String jwksUri) {
        NimbusReactiveJwtDecoder decoder = inlineJwkSet != null && !inlineJwkSet.isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(firstRsaKey(inlineJwkSet))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)),
                GatewayTokens::hasActorClaims));
    }

    private static OAuth2TokenValidatorResult hasActorClaims(Jwt jwt) {
        try {
            toActor(jwt);
            return OAuth2TokenValidatorResult.success();
        } catch (RuntimeException invalid) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "The token does not name a user, business and role", null));
        }
    }

    public static Actor toActor(Jwt jwt) {
        Boolean actAs = jwt.getClaim(ACT_AS_CLAIM);
        return new Actor(UUID.fromString(jwt.getClaimAsString(TENANT_CLAIM)), UUID.fromString(jwt.getSubject()),
                Role.fromClaim(jwt.getClaimAsString(ROLE_CLAIM)), jwt.getClaimAsString(CLIENT_ADDRESS_CLAIM),
                Boolean.TRUE.equals(actAs));
    }

    private static java.security.interfaces.RSAPublicKey firstRsaKey(String jwkSetJson) {
        try {
            for (JWK key : JWKSet.parse(jwkSetJson).getKeys()) {
                if (key instanceof RSAKey rsa) {
                    return rsa.toRSAPublicKey();
                }
            }
        } catch (ParseException | com.nimbusds.jose.JOSEException unreadable) {
            throw new IllegalStateException("dinechat.identity.jwk-set is not a readable JWK set", unreadable);
        }
        throw new IllegalStateException("dinechat.identity.jwk-set holds no RSA key");
    }
}
