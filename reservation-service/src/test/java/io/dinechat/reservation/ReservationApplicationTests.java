package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.reservation.messaging.Topics;
import io.dinechat.testing.ServiceChecks;
import java.time.Duration;
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
        ServiceChecks.probesAndMetricsAreServed(http, "reservation-service");
    }

    @Test
    void declaresItsTopicsEachWithADeadLetterTopicOfTheSamePartitionCount() {
        ServiceChecks.topicsHaveDeadLetterTwins(Topics.RESERVATION_COMMANDS, Topics.RESERVATION_EVENTS);
    }
}
