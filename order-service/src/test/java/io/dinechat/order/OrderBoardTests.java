package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.application.OrderDesk;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The orders board through the dashboard API: the state machine, 409s, notifications, audit, isolation, SSE. */
class OrderBoardTests extends RunningOrderService {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID STAFF_USER = UUID.randomUUID();

    @Autowired
    private WebTestClient http;
    @Autowired
    private OrderDesk desk;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private DatabaseClient db;

    @BeforeEach
    void fridayEvening() {
        CLOCK.set(TestClock.FRIDAY_EVENING);
    }

    private String staff() {
        return TestIdentity.bearer(DEMO_TENANT, STAFF_USER, Role.STAFF);
    }

    private WebTestClient.ResponseSpec move(UUID orderId, String status, String reason, String bearer) {
        return http.post().uri("/api/orders/{id}/status", orderId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason))
                .exchange();
    }

    @Test
    void anOrderWalksTheWholeBoardAndTheGuestIsToldAtEveryStepInTheirLanguage() {
        // given
        String conversation = OrderCommandTests.conversation();
        UUID orderId = PlacedOrders.place(desk, tenants, db, conversation);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS,
                Topics.NOTIFICATION_REQUESTS, Topics.AUDIT)) {
            // when
            for (String status : List.of("accepted", "preparing", "ready", "completed")) {
                move(orderId, status, null, staff()).expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo(status);
            }

            // then: the history, one event, one notification and one audit record per move
            http.get().uri("/api/orders/{id}", orderId).header(HttpHeaders.AUTHORIZATION, staff()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.history.length()").isEqualTo(5)
                    .jsonPath("$.history[0].to").isEqualTo("pending")
                    .jsonPath("$.history[0].by").isEqualTo("guest")
                    .jsonPath("$.history[4].from").isEqualTo("ready")
                    .jsonPath("$.history[4].by").isEqualTo(STAFF_USER.toString())
                    .jsonPath("$.completedAt").isNotEmpty();
            Predicate<ConsumerRecord<String, byte[]>> mine = r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains(orderId.toString()) || conversation.equals(r.key());
            List<ConsumerRecord<String, byte[]>> seen = probe.pollUntil(r -> count(probe, mine) >= 12, ARRIVAL)
                    .stream().filter(mine).toList();
            List<ConsumerRecord<String, byte[]>> changes = ofType(seen, "io.dinechat.order.status.changed");
            List<ConsumerRecord<String, byte[]>> notes = ofType(seen, "io.dinechat.notification.requested");
            List<ConsumerRecord<String, byte[]>> audits = ofType(seen, "io.dinechat.audit.recorded");
            assertThat(changes).hasSize(4).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(conversation);
                EventContract.assertValid("io.dinechat.order.status.changed", r.value());
            });
            assertThat(changes).extracting(r -> json(r).path("from").asString() + ">" + json(r).path("to").asString())
                    .containsExactly("pending>accepted", "accepted>preparing", "preparing>ready", "ready>completed");
            assertThat(notes).hasSize(4).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(conversation);
                EventContract.assertValid("io.dinechat.notification.requested", r.value());
                assertThat(json(r).path("purpose").asString()).isEqualTo("order_status");
                assertThat(json(r).path("language").asString()).isEqualTo("french");
            });
            assertThat(json(notes.get(2)).path("text").asString()).startsWith("Votre commande A-").endsWith("est prête.");
            assertThat(audits).hasSize(4).allSatisfy(r -> {
                EventContract.assertValid("io.dinechat.audit.recorded", r.value());
                assertThat(r.key()).isEqualTo(DEMO_TENANT.toString());
                assertThat(json(r).path("actor").path("userId").asString()).isEqualTo(STAFF_USER.toString());
            });
        }
    }

    @Test
    void movesTheStateMachineForbidsAnswer409AndChangeNothing() {
        // given: one pending order, and one completed
        UUID pending = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        UUID completed = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        for (String status : List.of("accepted", "preparing", "ready", "completed")) {
            move(completed, status, null, staff()).expectStatus().isOk();
        }

        // when / then
        for (String skip : List.of("preparing", "ready", "completed", "pending")) {
            move(pending, skip, null, staff()).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://dinechat.io/problems/invalid-transition")
                    .jsonPath("$.currentStatus").isEqualTo("pending")
                    .jsonPath("$.allowed[0]").isEqualTo("accepted")
                    .jsonPath("$.allowed[1]").isEqualTo("cancelled");
        }
        for (String any : List.of("pending", "accepted", "preparing", "ready", "completed", "cancelled")) {
            move(completed, any, any.equals("cancelled") ? "too late" : null, staff()).expectStatus().isEqualTo(409);
        }
        http.get().uri("/api/orders/{id}", pending).header(HttpHeaders.AUTHORIZATION, staff()).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("pending").jsonPath("$.history.length()").isEqualTo(1);
    }

    @Test
    void staffRecordThePaymentAndOnlyKnownPaymentStatusesAreAccepted() {
        // given
        UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());

        // when / then
        http.post().uri("/api/orders/{id}/payment", orderId).header(HttpHeaders.AUTHORIZATION, staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("paymentStatus", "paid")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.paymentStatus").isEqualTo("paid");
        http.post().uri("/api/orders/{id}/payment", orderId).header(HttpHeaders.AUTHORIZATION, staff())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("paymentStatus", "maybe")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("paymentStatus");
        http.get().uri("/api/orders/{id}", orderId).header(HttpHeaders.AUTHORIZATION, staff()).exchange()
                .expectBody().jsonPath("$.paymentStatus").isEqualTo("paid");
    }

    @Test
    void aCancellationNeedsAReasonWhichTheGuestIsToldAndCancelledIsFinal() {
        // given
        String conversation = OrderCommandTests.conversation();
        UUID orderId = PlacedOrders.place(desk, tenants, db, conversation);
        move(orderId, "accepted", null, staff()).expectStatus().isOk();
        move(orderId, "preparing", null, staff()).expectStatus().isOk();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.NOTIFICATION_REQUESTS)) {
            // when
            move(orderId, "cancelled", " ", staff()).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
            move(orderId, "cancelled", "Oven broke down", staff()).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("cancelled")
                    .jsonPath("$.cancelReason").isEqualTo("Oven broke down");

            // then
            Predicate<ConsumerRecord<String, byte[]>> cancelled = r -> conversation.equals(r.key())
                    && json(r).path("text").asString("").contains("annulée");
            ConsumerRecord<String, byte[]> note = probe.pollUntil(cancelled, ARRIVAL).stream().filter(cancelled)
                    .findFirst().orElseThrow();
            assertThat(json(note).path("text").asString()).endsWith("Motif : Oven broke down");
            move(orderId, "ready", null, staff()).expectStatus().isEqualTo(409);
        }
    }

    @Test
    void anotherBusinessCannotSeeOrMoveTheOrderAndTheBoardNeedsAToken() {
        // given
        UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        String otherOwner = TestIdentity.bearer(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER);

        // when / then
        http.get().uri("/api/orders/{id}", orderId).header(HttpHeaders.AUTHORIZATION, otherOwner).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        move(orderId, "accepted", null, otherOwner).expectStatus().isNotFound();
        http.get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, otherOwner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/api/orders/{id}", orderId).exchange().expectStatus().isUnauthorized();
        move(orderId, "teleported", null, staff()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        http.get().uri("/api/orders?status=pending,lost&limit=0").header(HttpHeaders.AUTHORIZATION, staff()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        http.get().uri("/api/orders/{id}", orderId).header(HttpHeaders.AUTHORIZATION, staff()).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("pending");
    }

    @Test
    void theLiveBoardStreamsNewOrdersAndStatusChangesAsTheyHappen() {
        // given: a dashboard connected to the stream (fed from order.events.v1, as on every replica)
        var events = http.get().uri("/api/orders/stream").header(HttpHeaders.AUTHORIZATION, staff())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(e -> e.event() != null);

        // when / then
        StepVerifier.create(events)
                .then(() -> {
                    UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
                    move(orderId, "accepted", null, staff()).expectStatus().isOk();
                })
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("order.placed");
                    assertThat(e.data()).containsEntry("status", "pending").containsEntry("total", "33.00")
                            .containsKey("reference");
                })
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("order.status_changed");
                    assertThat(e.data()).containsEntry("from", "pending").containsEntry("status", "accepted");
                })
                .thenCancel()
                .verify(ARRIVAL);
    }

    private static long count(TopicProbe probe, Predicate<ConsumerRecord<String, byte[]>> match) {
        return probe.pollFor(Duration.ZERO).stream().filter(match).count();
    }

    private static List<ConsumerRecord<String, byte[]>> ofType(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(r -> type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).toList();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }
}
