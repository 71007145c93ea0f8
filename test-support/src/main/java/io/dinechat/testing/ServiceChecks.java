package io.dinechat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every running service must offer operators; shared so each service's test says it in one line. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** The service talks to its database as the expected runtime role, and the role guard accepts it. */
    public static void runsAsRuntimeRole(DatabaseClient db, RuntimeRoleGuard guard, String expectedRole) {
        String role = db.sql("select current_user as name").map(row -> row.get("name", String.class)).one()
                .block(Duration.ofSeconds(10));
        assertThat(role).isEqualTo(expectedRole);
        guard.verify().block(Duration.ofSeconds(10));
    }

    /** Readiness waits for the given health contributor (r2dbc, mongo...), which exists. */
    public static void readinessWaitsFor(HealthEndpointGroups groups, ReactiveHealthContributorRegistry contributors,
            String contributor) {
        assertThat(groups.get("readiness").isMember(contributor)).isTrue();
        assertThat(contributors.getContributor(contributor)).isNotNull();
    }

    /** Liveness and readiness answer UP, and Prometheus metrics carry the service's name. */
    public static void probesAndMetricsAreServed(WebTestClient http, String service) {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        // Histogram buckets and per-consumer Kafka metrics make the scrape larger than the client's 256 KB default.
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("service=\"" + service + "\""));
    }

    /** Each topic exists on the shared broker beside its {@code .DLT}, with the same partition count. */
    public static void topicsHaveDeadLetterTwins(String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafkaBootstrapServers()))) {
            for (String topic : topics) {
                Map<String, TopicDescription> found = admin.describeTopics(List.of(topic, topic + ".DLT"))
                        .allTopicNames().get();
                assertThat(found.get(topic + ".DLT").partitions()).as(topic + ".DLT")
                        .hasSameSizeAs(found.get(topic).partitions());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("Topics missing: " + e.getCause().getMessage(), e);
        }
    }
}
