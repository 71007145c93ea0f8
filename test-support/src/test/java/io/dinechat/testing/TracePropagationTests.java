package io.dinechat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.events.EventPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A request's trace travels with the events it publishes: the record carries a W3C traceparent
 * of the same trace, even though the send runs on another thread (boundedElastic), so the
 * consumer's span joins the guest's trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = TracePropagationTests.Publishing.class)
@AutoConfigureTracing // Boot's tests switch trace export, and with it propagation, off unless asked
class TracePropagationTests {

    private static final String TOPIC = "trace.propagation.test";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafka(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aPublishedEventCarriesTheTraceOfTheRequestThatCausedIt() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String marker = UUID.randomUUID().toString();

        // A plain client: the test's WebTestClient would start a trace of its own.
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/publish/" + marker))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), TOPIC)) {
            var records = probe.pollUntil(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker),
                    Duration.ofSeconds(30));
            var record = records.stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).findFirst().orElseThrow();
            assertThat(TopicProbe.header(record, "traceparent")).startsWith("00-" + traceId + "-");
        }
    }

    @SpringBootApplication
    @RestController
    static class Publishing {

        private final EventPublisher publisher;

        Publishing(EventPublisher publisher) {
            this.publisher = publisher;
        }

        @Bean
        NewTopic traceTopic() {
            return new NewTopic(TOPIC, 1, (short) 1);
        }

        @PostMapping("/publish/{marker}")
        Mono<String> publish(@PathVariable String marker) {
            byte[] body = ("{\"marker\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
            return publisher.publish(TOPIC, EventEnvelope.of("io.dinechat.test.traced", "/test", null, marker, body))
                    .thenReturn("sent");
        }
    }
}
