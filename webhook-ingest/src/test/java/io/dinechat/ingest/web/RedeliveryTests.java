package io.dinechat.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.ingest.messaging.Topics;
import io.dinechat.ingest.meta.MetaFixtures;
import io.dinechat.ingest.meta.WebhookPayloadSplitter;
import io.dinechat.ingest.meta.WebhookSignature;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta retries a webhook for days until it gets a 200, and may batch the same messages differently
 * each time. Every shape the Cloud API sends is delivered three times here (once batched all
 * together, twice one by one): each message and status must come out with the same event id every
 * time, so a consumer deduplicating on {@code ce_id} (or on the wamid, as conversation-service does
 * with its unique index) has exactly one effect per message and status.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient
class RedeliveryTests {

    private static final String APP_SECRET = "redelivery-test-app-secret-77c1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSignature meta = new WebhookSignature(APP_SECRET);
    private final WebhookPayloadSplitter splitter = new WebhookPayloadSplitter(JSON);

    @Autowired
    private WebTestClient http;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafka(registry);
        registry.add("dinechat.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("dinechat.whatsapp.verify-token", () -> "redelivery-verify-token");
    }

    @Test
    void everyPayloadDeliveredThreeTimesYieldsThreeCopiesOfOneEventIdPerMessageAndStatus() {
        // given: what one delivery of everything amounts to
        Map<String, WebhookRecord> expected = MetaFixtures.all().stream()
                .flatMap(name -> splitter.split(MetaFixtures.body(name)).stream())
                .collect(Collectors.toMap(WebhookRecord::id, Function.identity()));
        assertThat(expected).hasSize(MetaFixtures.all().size());
        double receivedBefore = counter(WebhookMetrics.RECEIVED);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.INBOUND, Topics.STATUS)) {
            // when: once as one batched webhook, then twice shape by shape
            byte[] batch = batchOfAll();
            post(batch).expectStatus().isOk();
            for (int redelivery = 0; redelivery < 2; redelivery++) {
                MetaFixtures.all().forEach(name -> post(MetaFixtures.body(name)).expectStatus().isOk());
            }

            // then
            Set<String> ids = expected.keySet();
            List<ConsumerRecord<String, byte[]>> ours = probe.pollUntil(r -> false, Duration.ZERO);
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (copies(ours, ids).values().stream().mapToLong(Long::longValue).sum() < 3L * ids.size()
                    && System.nanoTime() < deadline) {
                ours = probe.pollFor(Duration.ofMillis(300));
            }
            Map<String, Long> copies = copies(ours, ids);
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of " + id).isEqualTo(3));

            // the same id always carries the same body, key and type: a deduplicating consumer loses nothing
            ours.stream().filter(r -> ids.contains(TopicProbe.header(r, CloudEventHeaders.ID))).forEach(r -> {
                WebhookRecord original = expected.get(TopicProbe.header(r, CloudEventHeaders.ID));
                assertThat(r.key()).isEqualTo(original.key());
                assertThat(r.value()).isEqualTo(original.json());
                assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo(original.kind().eventType());
                assertThat(r.topic()).isEqualTo(original.kind().isConversational() ? Topics.INBOUND : Topics.STATUS);
                EventContract.assertValid(original.kind().eventType(), r.value());
            });
        }

        // and the edge counted what it saw
        assertThat(counter(WebhookMetrics.RECEIVED) - receivedBefore).isEqualTo(1 + 2.0 * MetaFixtures.all().size());
        assertThat(meters.counter(WebhookMetrics.PUBLISHED, "kind", "message_received", "type", "audio").count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.counter(WebhookMetrics.PUBLISHED, "kind", "status_updated", "type", "failed").count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.counter(WebhookMetrics.PUBLISHED, "kind", "message_echoed", "type", "text").count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.get(WebhookMetrics.PUBLISH_LATENCY).timer().count()).isGreaterThanOrEqualTo(1 + 2L * MetaFixtures.all().size());
    }

    @Test
    void rejectionsAndQuarantineAreCountedByReason() {
        double signature = counter(WebhookMetrics.REJECTED, "reason", "signature");
        double quarantined = counter(WebhookMetrics.QUARANTINED);
        byte[] body = MetaFixtures.body("message-text");

        http.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64)).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        post("{\"object\":\"page\"}".getBytes()).expectStatus().isOk();

        assertThat(counter(WebhookMetrics.REJECTED, "reason", "signature")).isEqualTo(signature + 1);
        assertThat(counter(WebhookMetrics.QUARANTINED)).isEqualTo(quarantined + 1);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("dinechat_webhook_received_total",
                        "dinechat_webhook_rejected_total{reason=\"signature\"", "dinechat_webhook_publish_latency_seconds_bucket"));
    }

    private Map<String, Long> copies(List<ConsumerRecord<String, byte[]>> records, Set<String> ids) {
        return records.stream().map(r -> TopicProbe.header(r, CloudEventHeaders.ID)).filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static byte[] batchOfAll() {
        ObjectNode batch = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ArrayNode entries = batch.putArray("entry");
        for (String name : MetaFixtures.all()) {
            JsonNode body = JSON.readTree(MetaFixtures.body(name));
            body.path("entry").forEach(entries::add);
        }
        return JSON.writeValueAsBytes(batch);
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        // A generous client timeout: on a loaded CI machine the 27-record batch takes a while.
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", meta.headerFor(body)).bodyValue(body).exchange();
    }
}
