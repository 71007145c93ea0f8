package io.dinechat.localstack.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook bytes and the {@code X-Hub-Signature-256} value Meta sends with them:
 * {@code sha256=} and the lowercase hex HMAC-SHA256 of exactly these bytes keyed with the app secret.
 * Signing the bytes (not a re-serialisation) is the point: the receiver verifies the raw body.
 * The array is not copied; callers hand over bytes they no longer change.
 */
record SignedPayload(byte[] body, String signature) {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";

    static SignedPayload sign(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return new SignedPayload(body, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
