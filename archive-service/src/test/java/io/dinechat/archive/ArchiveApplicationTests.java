package io.dinechat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.messaging.Topics;
import io.dinechat.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

class ArchiveApplicationTests extends ArchiveServiceContext {

    @Autowired
    private WebTestClient http;

    @Autowired
    private HealthEndpointGroups healthGroups;

    @Autowired
    private ReactiveHealthContributorRegistry healthContributors;

    @Test
    void probesAndMetricsAreServedAndReadinessWaitsForMongo() {
        // given
        var readiness = healthGroups.get("readiness");

        // when / then
        assertThat(readiness.isMember("mongo")).isTrue();
        assertThat(healthContributors.getContributor("mongo")).isInstanceOfSatisfying(ReactiveHealthIndicator.class,
                mongo -> assertThat(mongo.health().block(Duration.ofSeconds(10)).getStatus()).isEqualTo(Status.UP));
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("service=\"archive-service\""));
    }

    @Test
    void declaresItsTopicWithADeadLetterTopicOfTheSamePartitionCount() throws Exception {
        // given
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafkaBootstrapServers()))) {
            // when
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.ORDER_ARCHIVED,
                    Topics.ORDER_ARCHIVED + ".DLT")).allTopicNames().get();

            // then
            assertThat(topics.get(Topics.ORDER_ARCHIVED).partitions()).hasSize(3);
            assertThat(topics.get(Topics.ORDER_ARCHIVED + ".DLT").partitions()).hasSize(3);
        }
    }
}
