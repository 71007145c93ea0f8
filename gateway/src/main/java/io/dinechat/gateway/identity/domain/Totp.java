package io.dinechat.gateway.identity.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): what Google Authenticator,
 * 1Password and friends compute. Codes are 6 digits over 30-second steps with HMAC-SHA1, the
 * only combination every app supports; one step of clock drift either way is accepted.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final int DRIFT_STEPS = 1;

    /** The HMAC the RFC allows; apps read it from the otpauth URI. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private Totp() {
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 section 5.3: HMAC over the big-endian counter, dynamic truncation, modulo 10^digits. */
    public static String code(byte[] secret, long step, int digits, Algorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, algorithm.jca));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    public static String code(byte[] secret, Instant at) {
        return code(secret, step(at), DIGITS, Algorithm.SHA1);
    }

    /**
     * The time step a code belongs to, if it is valid at {@code at} (within one step of drift) and
     * newer than {@code lastUsedStep}: a code is accepted once, so a shoulder-surfed code is useless.
     */
    public static OptionalLong verify(byte[] secret, String code, Instant at, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = step(at);
        for (long s = now - DRIFT_STEPS; s <= now + DRIFT_STEPS; s++) {
            // Constant-time comparison: no timing hint about how many digits matched.
            if (s > lastUsedStep && MessageDigest.isEqual(code(secret, s, DIGITS, Algorithm.SHA1).getBytes(),
                    code.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** What an authenticator app scans: {@code otpauth://totp/DineChat:email?secret=...&issuer=DineChat}. */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
