package io.dinechat.order.catalog.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** The S3-compatible adapter against a local server speaking S3's PUT Object wire format. */
class S3ImageStoreTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    private WireMockServer s3;
    private S3ImageStore store;

    @BeforeEach
    void start() {
        s3 = new WireMockServer(options().dynamicPort());
        s3.start();
        store = new S3ImageStore(WebClient.builder(), new S3ImageStore.Settings("http://localhost:" + s3.port(),
                "dinechat-media", "eu-west-1", "AKIDEXAMPLE", "very-secret", "https://cdn.example.com/media/",
                Duration.ofSeconds(30)), Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        s3.stop();
    }

    @Test
    void aPhotoIsPutSignedIntoTheBucketAndItsPublicUrlReturned() {
        // given
        s3.stubFor(put(urlEqualTo("/dinechat-media/t1/items/i1/p.png")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"abc\"")));

        // when
        String url = store.put("t1/items/i1/p.png", "image/png", PNG).block(Duration.ofSeconds(40));

        // then
        assertThat(url).isEqualTo("https://cdn.example.com/media/t1/items/i1/p.png");
        s3.verify(putRequestedFor(urlEqualTo("/dinechat-media/t1/items/i1/p.png"))
                .withRequestBody(binaryEqualTo(PNG))
                .withHeader("Content-Type", equalTo("image/png"))
                .withHeader("x-amz-date", equalTo("20261120T180000Z"))
                .withHeader("x-amz-content-sha256", equalTo(SigV4.sha256Hex(PNG)))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261120/eu-west-1/s3/"
                        + "aws4_request,SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,"
                        + "Signature=[0-9a-f]{64}")));
        assertThat(s3.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).doesNotContain("very-secret");
    }

    @Test
    void aRefusalOfTheStoreFailsTheUploadSoNoUrlIsSaved() {
        // given
        s3.stubFor(put(urlEqualTo("/dinechat-media/t1/items/i1/p.png")).willReturn(aResponse().withStatus(403)
                .withBody("<Error><Code>SignatureDoesNotMatch</Code></Error>")));

        // when / then
        assertThatThrownBy(() -> store.put("t1/items/i1/p.png", "image/png", PNG).block(Duration.ofSeconds(40)))
                .isInstanceOf(WebClientResponseException.Forbidden.class);
    }
}
