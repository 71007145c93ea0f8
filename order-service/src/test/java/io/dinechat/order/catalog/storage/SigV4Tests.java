package io.dinechat.order.catalog.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the worked example of AWS's S3 "Authenticating Requests (SigV4)" guide. */
class SigV4Tests {

    @Test
    void theGetObjectExampleOfTheAwsGuideSignsToItsPublishedSignature() {
        // given: GET /test.txt from examplebucket, first 10 bytes, 24 May 2013
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        headers.put("x-amz-date", "20130524T000000Z");

        // when
        String authorization = SigV4.authorization("GET", "/test.txt", "", headers,
                SigV4.sha256Hex(new byte[0]), "20130524T000000Z", "us-east-1", "s3", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        // then
        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                + "aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void keysAreUriEncodedSegmentBySegment() {
        assertThat(SigV4.encodePath("/media/menu photos/café.jpg")).isEqualTo("/media/menu%20photos/caf%C3%A9.jpg");
    }
}
