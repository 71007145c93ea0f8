package io.dinechat.gateway.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: signed by one of the provider's keys
 * with an algorithm it announced (asymmetric only), issued by the configured issuer, for this
 * client (and, with several audiences, authorised for it through {@code azp}), not expired (one
 * minute of clock skew), and carrying the nonce this browser's sign-in was started with.
 */
final class IdTokenVerifier {

    /** Why a token was refused; for the log only, the browser learns nothing about it. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** What the gateway uses from a verified token. */
    record VerifiedIdentity(String issuer, String subject, JWTClaimsSet claims) {
    }

    private static final int CLOCK_SKEW_SECONDS = 60;

    private final String clientId;
    private final Clock clock;

    IdTokenVerifier(String clientId, Clock clock) {
        this.clientId = clientId;
        this.clock = clock;
    }

    /** The key id the token names, to tell whether the provider may have rotated its keys. */
    static String keyId(String idToken) {
        try {
            return SignedJWT.parse(idToken).getHeader().getKeyID();
        } catch (ParseException e) {
            return null;
        }
    }

    VerifiedIdentity verify(String idToken, OidcProvider.Metadata provider, JWKSet keys, String expectedNonce)
            throws Rejected {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(provider.signingAlgorithms(), new ImmutableJWKSet<>(keys)));
        var claimsVerifier = new DefaultJWTClaimsVerifier<SecurityContext>(clientId,
                new JWTClaimsSet.Builder().issuer(provider.issuer()).claim("nonce", expectedNonce).build(),
                Set.of("sub", "iat", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claimsVerifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException e) {
            throw new Rejected("the ID token is not a signed JWT");
        } catch (BadJWTException e) {
            throw new Rejected("the ID token's claims are wrong: " + e.getMessage());
        } catch (BadJOSEException e) {
            throw new Rejected("the ID token's signature is wrong: " + e.getMessage());
        } catch (JOSEException e) {
            throw new Rejected("the ID token could not be checked: " + e.getMessage());
        }
        List<String> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw new Rejected("the ID token was issued to another party (azp)");
        }
        return new VerifiedIdentity(claims.getIssuer(), claims.getSubject(), claims);
    }
}
