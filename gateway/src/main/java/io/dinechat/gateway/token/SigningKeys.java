package io.dinechat.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs tokens toward the services, from configuration (a private JWK held in a
 * Secret, {@code DINECHAT_IDENTITY_SIGNING_JWK}), and the public keys the gateway publishes: the
 * current one plus any previous ones still trusted during a rotation.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey signing;
    private final JWKSet published;

    private SigningKeys(RSAKey signing, List<JWK> previous) {
        this.signing = signing;
        List<JWK> keys = new ArrayList<>();
        keys.add(signing.toPublicJWK());
        previous.stream().map(JWK::toPublicJWK).filter(k -> !k.getKeyID().equals(signing.getKeyID())).forEach(keys::add);
        this.published = new JWKSet(keys);
    }

    /**
     * @param signingJwk         an RSA private JWK (JSON); blank: a throwaway key, which every replica and restart
     *                           replaces, so services reject tokens minted before
     * @param previousPublicJwks a JWK set (JSON) of keys retired from signing but still published, or blank
     */
    public static SigningKeys from(String signingJwk, String previousPublicJwks) {
        try {
            RSAKey key;
            if (signingJwk == null || signingJwk.isBlank()) {
                log.warn("DINECHAT_IDENTITY_SIGNING_JWK is not set: signing service tokens with a throwaway key; "
                        + "fine on one machine, wrong with several gateway replicas or across restarts");
                key = generate();
            } else {
                JWK parsed = JWK.parse(signingJwk);
                if (!(parsed instanceof RSAKey rsa) || !rsa.isPrivate()) {
                    throw new IllegalStateException("DINECHAT_IDENTITY_SIGNING_JWK must be an RSA private key in JWK form");
                }
                if (rsa.size() < 2048) {
                    throw new IllegalStateException("DINECHAT_IDENTITY_SIGNING_JWK must be at least 2048 bits");
                }
                key = rsa.getKeyID() == null ? new RSAKey.Builder(rsa).keyID(rsa.computeThumbprint().toString()).build() : rsa;
            }
            List<JWK> previous = previousPublicJwks == null || previousPublicJwks.isBlank() ? List.of()
                    : JWKSet.parse(previousPublicJwks).getKeys();
            return new SigningKeys(key, previous);
        } catch (ParseException | JOSEException e) {
            // Never echo the configured value: it is a private key.
            throw new IllegalStateException("The token signing key configuration is not a readable JWK", e);
        }
    }

    /** A fresh 2048-bit RS256 signing key. */
    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    RSAKey signing() {
        return signing;
    }

    /** Public halves only, as served at /.well-known/jwks.json. */
    public JWKSet published() {
        return published;
    }
}
