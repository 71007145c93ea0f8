package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant's side of reservations, over real Kafka and PostgreSQL: commands in on
 * reservation.commands.v1, answers out on reservation.events.v1 keyed by the conversation, every
 * answer valid against its published schema.
 */
class ReservationCommandFlowTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GUEST = "96170123456";
    private static final String STRANGER = "96171999888";

    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private CatalogReadModel catalog;
    @Autowired
    private FloorStore floor;
    @Autowired
    private DatabaseClient db;

    private final UUID tenant = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final String conversation = "1000:" + GUEST;
    private TopicProbe replies;
    private TestProducer producer;

    @BeforeEach
    void openTrattoria() {
        CLOCK.set(Instant.parse("2026-12-10T10:00:00Z"));
        Floor.openRestaurant(catalog, tenants, tenant, branch, "Asia/Beirut", 1, "[]");
        replies = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "reservation.events.v1");
        producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers());
    }

    @AfterEach
    void close() {
        replies.close();
        producer.close();
    }

    @Test
    void availabilityLeavesOutTimesThatOverlapABookingIncludingItsTurnAndBuffer() {
        // given: one four-top, booked on Friday 19:00 for four (120 min turn + 15 min buffer)
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        JsonNode booked = send(create("2026-12-18T19:00", 4, "Layla"));
        assertThat(type(booked)).isEqualTo("io.dinechat.reservation.booked");

        // when
        JsonNode answer = body(send(availability("2026-12-18", null, 2)));

        // then: a couple can sit until 17:15 (not open) or from 21:15 (held until then), and at 21:30
        assertThat(answer.path("slots").findValuesAsString("startsAt"))
                .containsExactly("2026-12-18T21:15", "2026-12-18T21:30");
        JsonNode saturday = body(send(availability("2026-12-19", "20:00", 2)));
        assertThat(saturday.path("slots")).hasSize(8);
        assertThat(saturday.path("slots").findValuesAsString("startsAt")).contains("2026-12-19T20:00");
        // nothing near noon (dinner only): the nearest times of the evening instead
        JsonNode lunch = body(send(availability("2026-12-19", "12:00", 2)));
        assertThat(lunch.path("slots").findValuesAsString("startsAt")).hasSize(8).first().isEqualTo("2026-12-19T18:00");
    }

    @Test
    void aBookingIsAnsweredWithAReferenceAndARepeatedCommandGetsTheSameAnswerWithoutASecondBooking() {
        // given
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        String command = create("2026-12-18T20:00", 3, "Karim");
        String commandId = JSON.readTree(command).path("commandId").asString();

        // when
        ConsumerRecord<String, byte[]> first = sendRecord(command, commandId);
        ConsumerRecord<String, byte[]> again = sendRecord(command, commandId);

        // then
        JsonNode body = JSON.readTree(new String(first.value(), StandardCharsets.UTF_8));
        assertThat(first.key()).isEqualTo(conversation);
        assertThat(body.path("reference").asString()).matches("R-[2-9A-Z]{5}");
        assertThat(body.path("status").asString()).isEqualTo("confirmed");
        assertThat(body.path("startsAt").asString()).isEqualTo("2026-12-18T20:00");
        assertThat(TopicProbe.header(again, "ce_id")).isEqualTo(TopicProbe.header(first, "ce_id"));
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(reservationsOfTenant()).isEqualTo(1);
        // the booking is held in the restaurant's time: 20:00 in Beirut is 18:00 UTC
        assertThat(tenants.inTenant(tenant, () -> db.sql("select starts_at from reservations")
                .map(row -> row.get(0, java.time.OffsetDateTime.class).toInstant()).one()).block(WAIT))
                .isEqualTo(Instant.parse("2026-12-18T18:00:00Z"));
    }

    @Test
    void onlyTheNumberThatBookedCanChangeOrCancelIt() {
        // given
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        Floor.table(floor, tenants, tenant, branch, "T2", 2, 4, false, null);
        String reference = body(send(create("2026-12-18T20:00", 2, "Nour"))).path("reference").asString();

        // when
        JsonNode strangerCancels = send(cancel(reference, STRANGER));
        JsonNode strangerMoves = send(modify(reference, STRANGER, "2026-12-18T21:00", null));
        JsonNode guestMoves = send(modify(reference, GUEST, "2026-12-18T21:00", 4));
        JsonNode lookedUp = send(command("io.dinechat.reservation.lookup.requested", GUEST, ""));
        JsonNode guestCancels = send(cancel(reference, GUEST));
        JsonNode unknown = send(cancel("R-NOPE2", GUEST));

        // then
        assertThat(reasonCodes(strangerCancels)).containsExactly("NOT_OWNER");
        assertThat(reasonCodes(strangerMoves)).containsExactly("NOT_OWNER");
        assertThat(type(guestMoves)).isEqualTo("io.dinechat.reservation.modified");
        assertThat(body(guestMoves).path("startsAt").asString()).isEqualTo("2026-12-18T21:00");
        assertThat(body(guestMoves).path("partySize").asInt()).isEqualTo(4);
        assertThat(body(lookedUp).path("reservations").findValuesAsString("reference")).containsExactly(reference);
        assertThat(type(guestCancels)).isEqualTo("io.dinechat.reservation.cancelled");
        assertThat(body(guestCancels).path("cancelledBy").asString()).isEqualTo("guest");
        assertThat(reasonCodes(unknown)).containsExactly("NOT_FOUND");
        assertThat(tenants.inTenant(tenant, () -> db.sql("select count(*) from reservation_tables")
                .map(row -> row.get(0, Long.class)).one()).block(WAIT)).isZero();
    }

    @Test
    void aFullTimeIsRejectedWithTheNearestBookableTimesAndOtherReasonsAreMachineReadable() {
        // given: the only table is taken at 20:00
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        send(create("2026-12-18T20:00", 2, "Rami"));

        // when
        JsonNode full = send(create("2026-12-18T20:30", 2, "Maya"));
        JsonNode tooLarge = send(create("2026-12-18T20:30", 9, "Big group"));
        JsonNode closed = send(create("2026-12-18T16:00", 2, "Early"));
        JsonNode tooSoon = send(create("2026-12-10T12:30", 2, "Rushed")); // it is 12:00 in Beirut
        JsonNode tooFar = send(create("2027-06-18T20:00", 2, "Planner"));

        // then
        assertThat(reasonCodes(full)).containsExactly("FULLY_BOOKED");
        assertThat(body(full).path("command").asString()).isEqualTo("create");
        assertThat(body(full).path("alternatives").valueStream().map(JsonNode::asString).toList())
                .containsExactly("2026-12-18T18:00", "2026-12-18T18:15", "2026-12-19T18:00");
        assertThat(reasonCodes(tooLarge)).containsExactly("PARTY_TOO_LARGE");
        assertThat(reasonCodes(closed)).containsExactly("CLOSED");
        assertThat(reasonCodes(tooSoon)).containsExactly("TOO_SOON");
        assertThat(reasonCodes(tooFar)).containsExactly("TOO_FAR_AHEAD");
    }

    @Test
    void hourOverridesFromTheCatalogCloseAHolidayAndOpenASpecialEvening() {
        // given: closed on the 24th, special hours 12:00-16:00 on the 25th
        Floor.openRestaurant(catalog, tenants, tenant, branch, "Asia/Beirut", 2, """
                [{"branchId": null, "date": "2026-12-24", "closed": true, "opensAt": null, "closesAt": null, "note": "Christmas Eve"},
                 {"branchId": null, "date": "2026-12-25", "closed": false, "opensAt": "12:00", "closesAt": "16:00", "note": null}]
                """);
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);

        // when
        JsonNode eve = body(send(availability("2026-12-24", null, 2)));
        JsonNode christmas = body(send(availability("2026-12-25", null, 2)));

        // then
        assertThat(eve.path("slots")).isEmpty();
        assertThat(eve.path("reasons").findValuesAsString("code")).containsExactly("CLOSED");
        assertThat(christmas.path("slots").findValuesAsString("startsAt")).first().isEqualTo("2026-12-25T12:00");
        assertThat(christmas.path("slots").findValuesAsString("startsAt")).last().isEqualTo("2026-12-25T14:30");
    }

    @Test
    void anUnreadableCommandGoesToTheDeadLetterTopicAndTheConversationCarriesOn() {
        // given
        Floor.table(floor, tenants, tenant, branch, "T1", 2, 4, false, null);
        String brokenId = UUID.randomUUID().toString();

        // when: a command that is not JSON, then a good one on the same conversation
        producer.send("reservation.commands.v1", conversation, brokenId, "io.dinechat.reservation.create.requested",
                tenant.toString(), "{not json");
        JsonNode next = send(create("2026-12-18T20:00", 2, "Hana"));

        // then
        assertThat(type(next)).isEqualTo("io.dinechat.reservation.booked");
        try (TopicProbe deadLetters = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(),
                "reservation.commands.v1.DLT")) {
            assertThat(deadLetters.pollUntil(r -> brokenId.equals(TopicProbe.header(r, "ce_id")), WAIT))
                    .anyMatch(r -> brokenId.equals(TopicProbe.header(r, "ce_id")) && conversation.equals(r.key()));
        }
    }

    private long reservationsOfTenant() {
        return tenants.inTenant(tenant, () -> db.sql("select count(*) from reservations")
                .map(row -> row.get(0, Long.class)).one()).block(WAIT);
    }

    // Commands as conversation-service sends them.

    private String create(String startsAt, int partySize, String guestName) {
        return command("io.dinechat.reservation.create.requested", GUEST, """
                , "startsAt": "%s", "partySize": %d, "guestName": "%s", "specialRequests": null"""
                .formatted(startsAt, partySize, guestName));
    }

    private String availability(String date, String time, int partySize) {
        return command("io.dinechat.reservation.availability.requested", GUEST, """
                , "date": "%s", "time": %s, "partySize": %d""".formatted(date, time == null ? "null" : "\"" + time + "\"",
                partySize));
    }

    private String modify(String reference, String phone, String startsAt, Integer partySize) {
        return command("io.dinechat.reservation.modify.requested", phone, """
                , "reference": "%s", "startsAt": "%s"%s""".formatted(reference, startsAt,
                partySize == null ? "" : ", \"partySize\": " + partySize));
    }

    private String cancel(String reference, String phone) {
        return command("io.dinechat.reservation.cancel.requested", phone, """
                , "reference": "%s", "reason": "plans changed\"""".formatted(reference));
    }

    private String command(String type, String phone, String fields) {
        return """
                {"type": "%s", "commandId": "%s", "tenantId": "%s", "conversationKey": "1000:%s", "guestPhone": "%s",
                 "branchId": null, "language": "english"%s}""".formatted(type, UUID.randomUUID(), tenant,
                phone.replaceAll("[^0-9]", ""), phone, fields);
    }

    private JsonNode send(String command) {
        String commandId = JSON.readTree(command).path("commandId").asString();
        ConsumerRecord<String, byte[]> reply = sendRecord(command, commandId);
        // The body, with the event type beside it for the assertions.
        var body = (tools.jackson.databind.node.ObjectNode) JSON.readTree(new String(reply.value(), StandardCharsets.UTF_8));
        return body.put("$type", TopicProbe.header(reply, "ce_type"));
    }

    /** Sends the command and returns its answer (the newest one, when it was sent before), checked against its schema. */
    private ConsumerRecord<String, byte[]> sendRecord(String command, String commandId) {
        JsonNode parsed = JSON.readTree(command);
        String type = parsed.path("type").asString();
        String body = JSON.writeValueAsString(((tools.jackson.databind.node.ObjectNode) parsed.deepCopy()).remove(List.of("type")));
        if (EventContract.hasSchema(type)) {
            EventContract.assertValid(type, body.getBytes(StandardCharsets.UTF_8));
        }
        int before = answersTo(commandId, Duration.ZERO).size();
        producer.send("reservation.commands.v1", parsed.path("conversationKey").asString(), commandId, type,
                tenant.toString(), body);
        List<ConsumerRecord<String, byte[]>> answers = answersTo(commandId, WAIT, before + 1);
        assertThat(answers).as("answers to " + type).hasSizeGreaterThan(before);
        ConsumerRecord<String, byte[]> reply = answers.getLast();
        EventContract.assertValid(TopicProbe.header(reply, "ce_type"), reply.value());
        return reply;
    }

    private List<ConsumerRecord<String, byte[]>> answersTo(String commandId, Duration wait) {
        return answersTo(commandId, wait, 1);
    }

    private List<ConsumerRecord<String, byte[]>> answersTo(String commandId, Duration wait, int count) {
        java.util.function.Predicate<ConsumerRecord<String, byte[]>> answers = r -> commandId.equals(
                JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)).path("commandId").asString(null));
        List<ConsumerRecord<String, byte[]>> seen = wait.isZero() ? replies.pollFor(Duration.ofMillis(1))
                : pollUntilCount(answers, count, wait);
        return seen.stream().filter(answers).toList();
    }

    private List<ConsumerRecord<String, byte[]>> pollUntilCount(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        List<ConsumerRecord<String, byte[]>> seen = replies.pollFor(Duration.ofMillis(1));
        while (seen.stream().filter(match).count() < count && Instant.now().isBefore(deadline)) {
            seen = replies.pollFor(Duration.ofMillis(200));
        }
        return seen;
    }

    private static String type(JsonNode reply) {
        return reply.path("$type").asString();
    }

    private static JsonNode body(JsonNode reply) {
        return reply;
    }

    private static List<String> reasonCodes(JsonNode reply) {
        assertThat(type(reply)).isEqualTo("io.dinechat.reservation.rejected");
        return reply.path("reasons").findValuesAsString("code");
    }
}
