package io.dinechat.reservation;

import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.reservation.messaging.Topics;
import io.dinechat.testing.ServiceChecks;
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
        ServiceChecks.runsAsRuntimeRole(db, guard, "reservation_app");
    }

    @Test
    void probesAndMetricsAreServedAndReadinessWaitsForTheDatabase() {
        ServiceChecks.readinessWaitsFor(healthGroups, healthContributors, "r2dbc");
        ServiceChecks.probesAndMetricsAreServed(http, "reservation-service");
    }

    @Test
    void declaresItsTopicsEachWithADeadLetterTopicOfTheSamePartitionCount() {
        ServiceChecks.topicsHaveDeadLetterTwins(Topics.RESERVATION_COMMANDS, Topics.RESERVATION_EVENTS,
                Topics.NOTIFICATION_REQUESTS, Topics.AUDIT);
    }
}
