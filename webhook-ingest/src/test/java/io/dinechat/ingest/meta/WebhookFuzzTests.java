package io.dinechat.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dinechat.ingest.domain.MalformedWebhookException;
import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.testing.EventContract;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer fuzz tests of the two things every byte from the internet goes through. In a normal build
 * (no {@code JAZZER_FUZZ}) they replay their regression corpus in
 * {@code src/test/resources/io/dinechat/ingest/meta/WebhookFuzzTestsInputs/} in their own Surefire
 * execution; docs/fuzzing.md says how to run a long fuzzing session, whose findings land in that
 * folder and so become regression cases.
 */
class WebhookFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookPayloadSplitter SPLITTER = new WebhookPayloadSplitter(JSON);
    private static final WebhookSignature SIGNATURE = new WebhookSignature("fuzzing-app-secret");

    /**
     * A signed body is either split into records that a consumer can rely on (a key, an id, a body
     * valid against its published schema) or refused as malformed, to be quarantined; never any
     * other exception, which would answer Meta 500 and have it retry the same body for days.
     */
    @FuzzTest(maxDuration = "30s")
    void splittingAnySignedBodyEitherYieldsWellFormedRecordsOrIsMalformed(byte[] body) {
        List<WebhookRecord> records;
        try {
            records = SPLITTER.split(body);
        } catch (MalformedWebhookException expected) {
            return;
        }
        for (WebhookRecord record : records) {
            assertThat(record.id()).isNotBlank();
            assertThat(record.key()).isNotBlank();
            if (record.kind() != WebhookRecord.Kind.NOTICE_RECEIVED) {
                assertThat(record.key()).contains(":");
            }
            JsonNode event = JSON.readTree(record.json());
            assertThat(event.isObject()).isTrue();
            assertThat(EventContract.violations(record.kind().eventType(), record.json())).isEmpty();
        }
        // Deterministic: a redelivery of these bytes yields the same ids, so consumers can deduplicate.
        assertThat(SPLITTER.split(body)).extracting(WebhookRecord::id)
                .containsExactlyElementsOf(records.stream().map(WebhookRecord::id).toList());
    }

    /** Any header and body: verification never throws and accepts exactly the body's own digest. */
    @FuzzTest(maxDuration = "30s")
    void onlyTheTrueDigestOfTheBodyVerifies(FuzzedDataProvider data) {
        String header = data.consumeBoolean() ? null : data.consumeString(90);
        byte[] body = data.consumeRemainingAsBytes();
        String truth = SIGNATURE.headerFor(body);

        boolean verified = SIGNATURE.verifies(body, header);

        boolean sameDigest = header != null && header.length() >= 7 && header.regionMatches(true, 0, "sha256=", 0, 7)
                && header.substring(7).trim().equalsIgnoreCase(truth.substring(7));
        assertThat(verified).isEqualTo(sameDigest);
        assertThat(SIGNATURE.verifies(body, truth)).isTrue();
        if (body.length > 0) {
            byte[] tampered = body.clone();
            tampered[tampered.length / 2] ^= 0x01;
            assertThat(SIGNATURE.verifies(tampered, truth)).isFalse();
        }
    }
}
