package io.dinechat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.gateway.identity.domain.Base32;
import io.dinechat.gateway.identity.domain.Totp;
import io.dinechat.gateway.identity.domain.Totp.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B's test vectors, RFC 4648's base32 vectors, and what the gateway adds: drift and no replay. */
class TotpTests {

    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
            "59, 94287082, SHA1", "59, 46119246, SHA256", "59, 90693936, SHA512",
            "1111111109, 07081804, SHA1", "1111111109, 68084774, SHA256", "1111111109, 25091201, SHA512",
            "1111111111, 14050471, SHA1", "1111111111, 67062674, SHA256", "1111111111, 99943326, SHA512",
            "1234567890, 89005924, SHA1", "1234567890, 91819424, SHA256", "1234567890, 93441116, SHA512",
            "2000000000, 69279037, SHA1", "2000000000, 90698825, SHA256", "2000000000, 38618901, SHA512",
            "20000000000, 65353130, SHA1", "20000000000, 77737706, SHA256", "20000000000, 47863826, SHA512"})
    void rfc6238Vectors(long unixSeconds, String expected, Algorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED20;
            case SHA256 -> SEED32;
            case SHA512 -> SEED64;
        };

        String code = Totp.code(seed, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8, algorithm);

        assertThat(code).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32MatchesRfc4648WithoutPadding(String plain, String encoded) {
        assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(Base32.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCodeIsAcceptedWithinOneStepOfDriftAndOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1_790_000_000L);
        long step = Totp.step(now);
        String current = Totp.code(SEED20, now);
        String previous = Totp.code(SEED20, step - 1, 6, Algorithm.SHA1);
        String tooOld = Totp.code(SEED20, step - 2, 6, Algorithm.SHA1);

        assertThat(Totp.verify(SEED20, current, now, 0)).hasValue(step);
        assertThat(Totp.verify(SEED20, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(SEED20, tooOld, now, 0)).isEmpty();
        // Replay: once the current step was used, its code is refused.
        assertThat(Totp.verify(SEED20, current, now, step)).isEmpty();
        assertThat(Totp.verify(SEED20, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(SEED20, null, now, 0)).isEmpty();
    }

    @Test
    void theOtpauthUriNamesTheIssuerAccountAndSecret() {
        String uri = Totp.otpauthUri("DineChat", "amira@example.com", "foobar".getBytes(StandardCharsets.US_ASCII));

        assertThat(uri).isEqualTo("otpauth://totp/DineChat:amira%40example.com?secret=MZXW6YTBOI&issuer=DineChat"
                + "&algorithm=SHA1&digits=6&period=30");
    }
}
