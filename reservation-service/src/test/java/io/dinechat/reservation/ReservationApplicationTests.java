package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.reservation.messaging.Topics;
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
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class ReservationApplicationTests extends ReservationServiceContext {

    @Autowired
    private WebTestClient http;

    @Autowired
    private RuntimeRoleGuard guard;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private HealthEndpointGroups healthGroups;

    @Autowired
    private ReactiveHealthContributorRegistry healthContributors;

    @Test
    void startsAsARuntimeRoleThatRowLevelSecurityApplies() {
        // given: the context started, so the guard already accepted the role once

        // when
        String role = db.sql("select current_user as name").map(row -> row.get("name", String.class)).one()
                .block(Duration.ofSeconds(10));

        // then
        assertThat(role).isEqualTo("reservation_app");
        guard.verify().block(Duration.ofSeconds(10));
    }

    @Test
    void probesAndMetricsAreServedAndReadinessWaitsForTheDatabase() {
        // given
        var readiness = healthGroups.get("readiness");

        // when / then
        assertThat(readiness.isMember("r2dbc")).isTrue();
        assertThat(healthContributors.getContributor("r2dbc")).isNotNull();
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("service=\"reservation-service\""));
    }

    @Test
    void declaresItsTopicsEachWithADeadLetterTopicOfTheSamePartitionCount() throws Exception {
        // given
        List<String> owned = List.of(Topics.RESERVATION_COMMANDS, Topics.RESERVATION_EVENTS);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafkaBootstrapServers()))) {
            // when
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                            Topics.RESERVATION_COMMANDS, Topics.RESERVATION_COMMANDS + ".DLT",
                            Topics.RESERVATION_EVENTS, Topics.RESERVATION_EVENTS + ".DLT"))
                    .allTopicNames().get();

            // then
            for (String topic : owned) {
                assertThat(topics.get(topic).partitions()).hasSize(3);
                assertThat(topics.get(topic + ".DLT").partitions()).hasSameSizeAs(topics.get(topic).partitions());
            }
        }
    }
}
