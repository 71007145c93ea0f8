package io.dinechat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.messaging.Topics;
import io.dinechat.testing.ServiceChecks;
import java.time.Duration;
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
        ServiceChecks.probesAndMetricsAreServed(http, "archive-service");
    }

    @Test
    void declaresItsTopicsEachWithADeadLetterTopicOfTheSamePartitionCount() {
        ServiceChecks.topicsHaveDeadLetterTwins(Topics.ORDER_ARCHIVED);
    }
}
