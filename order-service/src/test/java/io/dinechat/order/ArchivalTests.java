package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.application.Archivist;
import io.dinechat.order.ordering.application.OrderBoard;
import io.dinechat.order.ordering.application.OrderDesk;
import io.dinechat.order.ordering.domain.OrderStatus;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seed 001 section 4: closed orders go to archive-service after 24 hours and leave SQL only once it says it stored them. */
class ArchivalTests extends RunningOrderService {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final Duration BLOCK = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor STAFF = new Actor(DEMO_TENANT, UUID.randomUUID(), Role.STAFF, null, false);

    @Autowired
    private Archivist archivist;
    @Autowired
    private OrderDesk desk;
    @Autowired
    private OrderBoard board;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private DatabaseClient db;

    @BeforeEach
    void fridayEvening() {
        CLOCK.set(TestClock.FRIDAY_EVENING);
    }

    private UUID completedOrder() {
        UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        for (OrderStatus to : List.of(OrderStatus.ACCEPTED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED)) {
            board.move(STAFF, orderId, to, null).block(BLOCK);
        }
        return orderId;
    }

    private UUID cancelledOrder() {
        UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        board.move(STAFF, orderId, OrderStatus.CANCELLED, "Guest called to cancel").block(BLOCK);
        return orderId;
    }

    @Test
    void withoutTheArchivesAcknowledgementTheSnapshotIsPublishedOnceAndNothingIsDeleted() {
        // given: a completed and a cancelled order, 25 hours later
        UUID completed = completedOrder();
        UUID cancelled = cancelledOrder();
        UUID stillPending = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        CLOCK.advance(Duration.ofHours(25));

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_ARCHIVE)) {
            // when: the job runs twice, archive-service never answers
            archivist.requestDue().block(BLOCK);
            archivist.requestDue().block(BLOCK);

            // then: one full snapshot per closed order, keyed by order id
            Predicate<ConsumerRecord<String, byte[]>> mine = r -> completed.toString().equals(r.key())
                    || cancelled.toString().equals(r.key()) || stillPending.toString().equals(r.key());
            List<ConsumerRecord<String, byte[]>> records = probe.pollFor(Duration.ofSeconds(5)).stream().filter(mine).toList();
            assertThat(records).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(completed.toString(), cancelled.toString());
            records.forEach(r -> {
                assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.order.archive.requested");
                assertThat(TopicProbe.header(r, CloudEventHeaders.TENANT_ID)).isEqualTo(DEMO_TENANT.toString());
                EventContract.assertValid("io.dinechat.order.archive.requested", r.value());
            });
            JsonNode snapshot = json(records.stream().filter(r -> r.key().equals(completed.toString())).findFirst().orElseThrow());
            assertThat(snapshot.path("status").asString()).isEqualTo("completed");
            assertThat(snapshot.path("statusHistory")).hasSize(5);
            assertThat(snapshot.path("lines").get(0).path("name").asString()).isEqualTo("Margherita");
            assertThat(snapshot.path("lines").get(0).path("options").get(0).path("name").asString()).isEqualTo("Large (40 cm)");
            assertThat(snapshot.path("total").asString()).isEqualTo("33.00");
            assertThat(snapshot.path("completedAt").asString()).isEqualTo(TestClock.FRIDAY_EVENING.toString());
            assertThat(exists(completed)).isTrue();
            assertThat(exists(cancelled)).isTrue();
            assertThat(archiveRequested(stillPending)).isFalse();
        }
    }

    @Test
    void theAcknowledgementDeletesTheOrderWithItsLinesOptionsAndHistoryAndARepeatIsHarmless() {
        // given: a completed order whose archive was requested
        UUID orderId = completedOrder();
        CLOCK.advance(Duration.ofHours(25));
        archivist.requestDue().block(BLOCK);
        assertThat(archiveRequested(orderId)).isTrue();
        String ack = """
                {"orderId":"%s","tenantId":"%s","archivedAt":"2026-11-21T19:00:00Z"}
                """.formatted(orderId, DEMO_TENANT);
        EventContract.assertValid("io.dinechat.order.archived", ack.getBytes(StandardCharsets.UTF_8));

        // when: archive-service confirms, twice (at-least-once delivery)
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            String ceId = UUID.randomUUID().toString();
            producer.send(Topics.ORDER_ARCHIVED, orderId.toString(), ceId, "io.dinechat.order.archived",
                    DEMO_TENANT.toString(), ack);
            producer.send(Topics.ORDER_ARCHIVED, orderId.toString(), ceId, "io.dinechat.order.archived",
                    DEMO_TENANT.toString(), ack);
        }

        // then
        Eventually.await("the archived order is deleted", ARRIVAL, () -> !exists(orderId));
        assertThat(count("select count(*) as n from order_items where order_id = '" + orderId + "'")).isZero();
        assertThat(count("select count(*) as n from order_status_history where order_id = '" + orderId + "'")).isZero();
        assertThat(count("select count(*) as n from order_item_options o where not exists "
                + "(select 1 from order_items i where i.id = o.order_item_id)")).isZero();
    }

    @Test
    void anAcknowledgementForAnOrderNeverHandedOverDeletesNothing() {
        // given: a completed order, only 23 hours old: not yet due, not requested
        UUID orderId = completedOrder();
        CLOCK.advance(Duration.ofHours(23));
        archivist.requestDue().block(BLOCK);
        assertThat(archiveRequested(orderId)).isFalse();

        // when: a stray acknowledgement arrives
        Boolean deleted = archivist.archived(DEMO_TENANT, orderId).block(BLOCK);

        // then
        assertThat(deleted).isFalse();
        assertThat(exists(orderId)).isTrue();
    }

    @Test
    void aRequestLeftUnacknowledgedForSixHoursIsMadeAgain() {
        // given: requested at +25 h, never acknowledged
        UUID orderId = cancelledOrder();
        CLOCK.advance(Duration.ofHours(25));
        archivist.requestDue().block(BLOCK);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_ARCHIVE)) {
            Predicate<ConsumerRecord<String, byte[]>> mine = r -> orderId.toString().equals(r.key());
            probe.pollUntil(mine, ARRIVAL);

            // when: 5 hours later nothing happens; 7 hours later it is asked again
            CLOCK.advance(Duration.ofHours(5));
            archivist.requestDue().block(BLOCK);
            CLOCK.advance(Duration.ofHours(2));
            archivist.requestDue().block(BLOCK);

            // then
            List<ConsumerRecord<String, byte[]>> requests = probe.pollFor(Duration.ofSeconds(5)).stream().filter(mine).toList();
            assertThat(requests).hasSize(2);
            assertThat(TopicProbe.header(requests.get(1), CloudEventHeaders.ID))
                    .isNotEqualTo(TopicProbe.header(requests.get(0), CloudEventHeaders.ID));
            assertThat(exists(orderId)).isTrue();
        }
    }

    private boolean exists(UUID orderId) {
        return count("select count(*) as n from orders where id = '" + orderId + "'") > 0;
    }

    private boolean archiveRequested(UUID orderId) {
        return count("select count(*) as n from orders where id = '" + orderId + "' and archive_requested_at is not null") > 0;
    }

    private long count(String sql) {
        return tenants.inTenant(DEMO_TENANT, () -> db.sql(sql).map(row -> row.get("n", Long.class)).one()).block(BLOCK);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }
}
