package io.dinechat.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String APP_SECRET = "6f1d3c9a0b7e4d2f8a5c1e3b9d7f0a2c";
    private static final byte[] BODY = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
            "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
            "phone_number_id":"106540352242922"},"messages":[{"from":"34600111222","id":"wamid.sig-1",\
            "timestamp":"1718900000","type":"text","text":{"body":"¿Mesa para 4?"}}]}}]}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(APP_SECRET);

    @Test
    void aSignatureMadeWithTheAppSecretOverTheRawBodyVerifies() throws Exception {
        // given: the header Meta would send, computed independently of the class under test
        String header = "sha256=" + hmacSha256Hex(APP_SECRET, BODY);

        // when
        boolean verified = signature.verifies(BODY, header);

        // then
        assertThat(verified).isTrue();
        assertThat(signature.headerFor(BODY)).isEqualTo(header);
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() throws Exception {
        // given
        String header = "sha256=" + hmacSha256Hex("someone-elses-secret", BODY);

        // when
        boolean verified = signature.verifies(BODY, header);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void aBodyTamperedByOneByteDoesNotVerify() throws Exception {
        // given
        String header = "sha256=" + hmacSha256Hex(APP_SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length / 2] ^= 0x01;

        // when
        boolean verified = signature.verifies(tampered, header);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void aMissingHeaderDoesNotVerify() {
        // given
        String header = null;

        // when
        boolean verified = signature.verifies(BODY, header);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void theRightDigestWithoutTheSha256PrefixDoesNotVerify() throws Exception {
        // given: a correct digest, but not in Meta's "sha256=<hex>" form
        String bareDigest = hmacSha256Hex(APP_SECRET, BODY);

        // when / then
        assertThat(signature.verifies(BODY, bareDigest)).isFalse();
        assertThat(signature.verifies(BODY, "sha1=" + bareDigest)).isFalse();
    }

    @Test
    void aHeaderThatIsNotHexDoesNotVerify() {
        // given
        String header = "sha256=" + "zz".repeat(32);

        // when
        boolean verified = signature.verifies(BODY, header);

        // then
        assertThat(verified).isFalse();
        assertThat(signature.verifies(BODY, "sha256=")).isFalse();
        assertThat(signature.verifies(BODY, "sha256=abc")).isFalse();
    }

    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
