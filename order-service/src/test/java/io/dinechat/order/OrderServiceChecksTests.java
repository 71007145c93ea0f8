package io.dinechat.order;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.testing.ServiceChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What operators rely on: every topic order-service declares has its dead-letter twin; probes and metrics answer. */
class OrderServiceChecksTests extends RunningOrderService {

    @Autowired
    private WebTestClient http;

    @Test
    void everyDeclaredTopicHasItsDeadLetterTwin() {
        ServiceChecks.topicsHaveDeadLetterTwins(Topics.CATALOG_SNAPSHOTS, Topics.ORDER_COMMANDS, Topics.ORDER_EVENTS,
                Topics.ORDER_ARCHIVE, Topics.ORDER_ARCHIVED, Topics.NOTIFICATION_REQUESTS, Topics.AUDIT);
    }

    @Test
    void probesAndMetricsAreServed() {
        ServiceChecks.probesAndMetricsAreServed(http, "order-service");
    }
}
