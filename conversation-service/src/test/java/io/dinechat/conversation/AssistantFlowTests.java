package io.dinechat.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.conversation.application.AssistantTimers;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant through real Kafka and PostgreSQL, Meta's Graph API played by WireMock and the
 * reservation service played by the test itself (it reads the commands and answers them): the
 * summary is confirmed before anything is committed, answers resume the dialog from the database,
 * duplicate and stale answers change nothing, escalations alert the owner and re-engage the guest
 * when the (controllable) clock says nobody answered.
 */
@SpringBootTest
class AssistantFlowTests {

    static final String TENANT = ConversationFlowTests.TENANT;
    static final String NUMBER = ConversationFlowTests.NUMBER;
    static final WireMockServer graphApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final MutableClock clock = new MutableClock();
    static boolean catalogPublished;
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    TenantTransactions tenants;

    @Autowired
    AssistantStates states;

    @Autowired
    AssistantTimers timers;

    @Autowired
    DatabaseClient db;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @BeforeAll
    static void startGraphApi() {
        graphApi.start();
        graphApi.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"wamid.{{randomValue length=12 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
    }

    @AfterAll
    static void stopGraphApi() {
        graphApi.stop();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafkaAndPostgres(registry, "conversation");
        registry.add("dinechat.conversation.graph-api.base-url", graphApi::baseUrl);
        registry.add("dinechat.demo.enabled", () -> "true");
        registry.add("dinechat.assistant.coalescing-window", () -> "0s");
        registry.add("dinechat.assistant.reengage-interval", () -> "200ms");
    }

    @BeforeEach
    void catalogAndOwnerNumber() {
        if (catalogPublished) {
            return;
        }
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("catalog.snapshots.v1", TENANT, UUID.randomUUID().toString(),
                    "io.dinechat.catalog.snapshot.published", TENANT, ConversationFlowTests.SNAPSHOT);
        }
        tenants.inTenant(UUID.fromString(TENANT), () -> states.saveSettings(UUID.fromString(TENANT),
                new AssistantStates.Settings(null, "96170000001"))).block(Duration.ofSeconds(10));
        catalogPublished = true;
    }

    @Test
    void aBookingIsCommittedOnlyAfterTheGuestConfirmsTheSummaryAndDuplicateAnswersChangeNothing() {
        String guest = newGuest();
        String key = NUMBER + ":" + guest;
        try (var commands = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "reservation.commands.v1")) {
            guestWrites(guest, "I'd like to book a table for 4 tomorrow at 8pm");

            JsonNode availability = awaitCommand(commands, key, "io.dinechat.reservation.availability.requested");
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Beirut")).plusDays(1);
            assertThat(availability.path("date").asString()).isEqualTo(tomorrow.toString());
            assertThat(availability.path("time").asString()).isEqualTo("20:00");
            assertThat(availability.path("partySize").asInt()).isEqualTo(4);
            assertThat(availability.path("guestPhone").asString()).isEqualTo(guest);
            String commandId = availability.path("commandId").asString();

            answer("reservation.events.v1", key, UUID.randomUUID().toString(),
                    "io.dinechat.reservation.availability.answered", """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":4,
                     "slots":[{"startsAt":"%sT19:30"},{"startsAt":"%sT20:00"}]}
                    """.formatted(commandId, TENANT, key, tomorrow, tomorrow, tomorrow));

            String summary = awaitReplies(guest, 1).getFirst(); // the request itself needed no reply: a command went out
            assertThat(summary).contains("\"type\":\"button\"", "\"id\":\"confirm\"", "20:00", "4 people", "Amira");
            assertThat(commands.pollFor(Duration.ofMillis(500)).stream()
                    .filter(r -> key.equals(r.key()))
                    .map(r -> TopicProbe.header(r, "ce_type")))
                    .doesNotContain("io.dinechat.reservation.create.requested");

            guestTaps(guest, "confirm", "Confirm");
            JsonNode create = awaitCommand(commands, key, "io.dinechat.reservation.create.requested");
            assertThat(create.path("startsAt").asString()).isEqualTo(tomorrow + "T20:00");
            assertThat(create.path("guestName").asString()).isEqualTo("Amira");

            String booked = """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"reservationId":"%s",
                     "reference":"R-7K3P","status":"confirmed","startsAt":"%sT20:00","partySize":4,"guestName":"Amira",
                     "guestPhone":"%s"}
                    """.formatted(create.path("commandId").asString(), TENANT, key, UUID.randomUUID(), tomorrow, guest);
            String eventId = UUID.randomUUID().toString();
            answer("reservation.events.v1", key, eventId, "io.dinechat.reservation.booked", booked);
            answer("reservation.events.v1", key, eventId, "io.dinechat.reservation.booked", booked);
            answer("reservation.events.v1", key, UUID.randomUUID().toString(), "io.dinechat.reservation.booked", booked);

            assertThat(awaitReplies(guest, 2).get(1)).contains("R-7K3P");
            guestWrites(guest, "thanks");
            List<String> all = awaitReplies(guest, 3);
            assertThat(all).hasSize(3);
            assertThat(all.stream().filter(r -> r.contains("R-7K3P"))).hasSize(1);
        }
    }

    @Test
    void anAnswerToACommandTheDialogNoLongerWaitsForIsIgnored() {
        String guest = newGuest();
        String key = NUMBER + ":" + guest;
        try (var commands = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "reservation.commands.v1")) {
            guestWrites(guest, "book a table for 2 tomorrow at 9pm");
            JsonNode first = awaitCommand(commands, key, "io.dinechat.reservation.availability.requested");
            LocalDate tomorrow = LocalDate.parse(first.path("date").asString());

            // An answer to some older command arrives out of order: the dialog does not move.
            answer("reservation.events.v1", key, UUID.randomUUID().toString(),
                    "io.dinechat.reservation.availability.answered", """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":2,
                     "slots":[{"startsAt":"%sT21:00"}]}
                    """.formatted(UUID.randomUUID(), TENANT, key, tomorrow, tomorrow));
            // The real answer: 21:00 is full, nearest times offered as buttons.
            answer("reservation.events.v1", key, UUID.randomUUID().toString(),
                    "io.dinechat.reservation.availability.answered", """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":2,
                     "slots":[{"startsAt":"%sT18:00"},{"startsAt":"%sT20:30"},{"startsAt":"%sT22:00"},{"startsAt":"%sT23:00"}]}
                    """.formatted(first.path("commandId").asString(), TENANT, key, tomorrow, tomorrow, tomorrow,
                    tomorrow, tomorrow));

            // Both answers share the conversation's partition: had the stale one moved the dialog, its
            // reply would be the first one.
            List<String> replies = awaitReplies(guest, 1);
            assertThat(replies.getFirst()).contains("alt:" + tomorrow + "T20:30", "alt:" + tomorrow + "T22:00",
                    "alt:" + tomorrow + "T23:00").doesNotContain("T18:00");

            guestTaps(guest, "alt:" + tomorrow + "T20:30", "20:30");
            assertThat(awaitReplies(guest, 2).get(1)).contains("\"id\":\"confirm\"", "20:30");
        }
    }

    @Test
    void aGuestAskingForAPersonIsHandedOverTheOwnerIsAlertedAndTheAssistantReengagesAfterThirtyMinutes() {
        String guest = newGuest();
        String key = NUMBER + ":" + guest;
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "notification.requests.v1",
                "conversation.events.v1")) {
            guestWrites(guest, "I want to talk to a human please");

            assertThat(awaitReplies(guest, 1).getFirst()).contains("team");
            var records = probe.pollUntil(r -> "notification.requests.v1".equals(r.topic())
                    && new String(r.value(), StandardCharsets.UTF_8).contains(guest), Duration.ofSeconds(20));
            ConsumerRecord<String, byte[]> alert = records.stream().filter(r -> "notification.requests.v1".equals(r.topic())
                    && new String(r.value(), StandardCharsets.UTF_8).contains(guest)).findFirst().orElseThrow();
            assertThat(alert.key()).isEqualTo(NUMBER + ":96170000001");
            JsonNode body = json.readTree(alert.value());
            assertThat(body.path("purpose").asString()).isEqualTo("owner_alert");
            assertThat(body.path("template").path("name").asString()).isEqualTo("owner_alert");
            assertThat(records.stream().anyMatch(r -> key.equals(r.key())
                    && "io.dinechat.conversation.handoff.changed".equals(TopicProbe.header(r, "ce_type"))
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"escalated\""))).isTrue();

            // While escalated the assistant stays quiet.
            String marker = "wamid." + UUID.randomUUID();
            guestWritesWith(guest, marker, "hello?");
            awaitAnswered(marker);
            clock.advance(Duration.ofMinutes(29));
            timers.reengage();
            assertThat(replies(guest)).hasSize(1);

            clock.advance(Duration.ofMinutes(2));
            timers.reengage();
            assertThat(awaitReplies(guest, 2).get(1)).contains("Sorry for the wait");
        } finally {
            clock.reset();
        }
    }

    @Test
    void staffAnsweringAnEscalationFromTheBusinessAppCancelsTheReengagement() {
        String guest = newGuest();
        guestWrites(guest, "can I speak to someone from the staff");
        awaitReplies(guest, 1);
        staffEchoes(guest, "Hi, Marco here. How can I help?");
        try {
            String echoed = NUMBER + ":" + guest;
            Eventually.await("the echo silenced the assistant", () -> silenced(echoed));
            clock.advance(Duration.ofMinutes(31));
            timers.reengage();
            String marker = "wamid." + UUID.randomUUID();
            guestWritesWith(guest, marker, "I wanted to ask about parking");
            awaitAnswered(marker);
            assertThat(replies(guest)).hasSize(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void everyTurnIsPublishedAsTurnHandledMatchingItsSchema() {
        String guest = newGuest();
        guestWrites(guest, "What's on the menu?");
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "conversation.events.v1")) {
            var records = probe.pollUntil(r -> (NUMBER + ":" + guest).equals(r.key())
                    && "io.dinechat.conversation.turn.handled".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            var turn = records.stream().filter(r -> (NUMBER + ":" + guest).equals(r.key())
                    && "io.dinechat.conversation.turn.handled".equals(TopicProbe.header(r, "ce_type"))).findFirst()
                    .orElseThrow();
            EventContract.assertValid("io.dinechat.conversation.turn.handled", turn.value());
            JsonNode body = json.readTree(turn.value());
            assertThat(body.path("engine").asString()).isEqualTo("offline");
            assertThat(body.path("language").asString()).isEqualTo("english");
        }
    }

    @Test
    void messagesOlderThanTheRetentionPeriodArePurgedAndNewerOnesKept() {
        String guest = newGuest();
        String old = "wamid." + UUID.randomUUID();
        guestWritesWith(guest, old, "hello");
        awaitReplies(guest, 1);
        String recent = "wamid." + UUID.randomUUID();
        guestWritesWith(guest, recent, "thanks");
        awaitReplies(guest, 2);
        // The first message was written 61 days ago (retention: 60 days).
        tenants.inTenant(UUID.fromString(TENANT), () -> db.sql("""
                update messages set created_at = now() - interval '61 days' where whatsapp_message_id = :w
                """).bind("w", old).fetch().rowsUpdated()).block(Duration.ofSeconds(5));

        assertThat(timers.purge()).isGreaterThanOrEqualTo(1);

        assertThat(stored(old)).isZero();
        assertThat(stored(recent)).isEqualTo(1);
    }

    private long stored(String wamid) {
        return tenants.inTenant(UUID.fromString(TENANT), () -> db
                .sql("select count(*) as n from messages where whatsapp_message_id = :w")
                .bind("w", wamid).map(row -> row.get("n", Long.class)).one()).block(Duration.ofSeconds(5));
    }

    // --- the guest's and the reservation service's side ------------------------------------------

    /** The message was taken into a turn (answered, or deliberately left to staff). */
    private void awaitAnswered(String wamid) {
        Eventually.await(wamid + " taken into a turn", () -> tenants.inTenant(UUID.fromString(TENANT), () -> db
                .sql("select count(*) as n from messages where whatsapp_message_id = :w and turn_id is not null")
                .bind("w", wamid).map(row -> row.get("n", Long.class)).one()).block(Duration.ofSeconds(5)) == 1);
    }

    private boolean silenced(String key) {
        return Boolean.TRUE.equals(tenants.inTenant(UUID.fromString(TENANT), () -> db
                .sql("select assistant_silenced_until is not null as s from conversations where conversation_key = :k")
                .bind("k", key).map(row -> row.get("s", Boolean.class)).one()).block(Duration.ofSeconds(5)));
    }

    static String newGuest() {
        return "9715" + (10_000_000 + (long) (Math.random() * 89_999_999));
    }

    private JsonNode awaitCommand(TopicProbe commands, String key, String type) {
        var found = commands.pollUntil(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        var command = found.stream().filter(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + key));
        JsonNode body = json.readTree(command.value());
        assertThat(TopicProbe.header(command, "ce_id")).isEqualTo(body.path("commandId").asString());
        return body;
    }

    private static void answer(String topic, String key, String eventId, String type, String body) {
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send(topic, key, eventId, type, TENANT, body);
        }
    }

    private static void guestWrites(String guest, String text) {
        guestWritesWith(guest, "wamid." + UUID.randomUUID(), text);
    }

    private static void guestWritesWith(String guest, String wamid, String text) {
        send("io.dinechat.whatsapp.message.received", guest, wamid, "text", text,
                "\"text\":{\"body\":\"" + text + "\"}");
    }

    private static void guestTaps(String guest, String buttonId, String title) {
        send("io.dinechat.whatsapp.message.received", guest, "wamid." + UUID.randomUUID(), "interactive", title,
                "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"" + buttonId + "\",\"title\":\""
                        + title + "\"}}");
    }

    private static void staffEchoes(String guest, String text) {
        send("io.dinechat.whatsapp.message.echoed", guest, "wamid." + UUID.randomUUID(), "text", text,
                "\"text\":{\"body\":\"" + text + "\"}");
    }

    private static void send(String type, String guest, String wamid, String messageType, String text, String content) {
        String body = """
                {"conversationKey":"%1$s:%2$s","wabaId":"2000","phoneNumberId":"%1$s","displayPhoneNumber":"+961 1 555 010",
                 "waId":"%2$s","contactName":"Amira","messageId":"%3$s","sentAt":"%4$s","type":"%5$s","text":"%6$s",
                 "message":{"from":"%2$s","id":"%3$s","timestamp":"1790000000","type":"%5$s",%7$s}}
                """.formatted(NUMBER, guest, wamid, Instant.now().toString(), messageType, text, content);
        EventContract.assertValid(type, body.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", NUMBER + ":" + guest, UUID.randomUUID().toString(), type, null, body);
        }
    }

    static List<String> awaitReplies(String guest, int expected) {
        Eventually.await(expected + " replies to " + guest, () -> replies(guest).size() >= expected);
        return replies(guest);
    }

    private static List<String> replies(String guest) {
        return graphApi.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                        .withRequestBody(containing("\"to\":\"" + guest + "\"")))
                .stream()
                .filter(r -> !r.getBodyAsString().contains("\"status\":\"read\"")) // read receipts are not replies
                .map(r -> r.getBodyAsString()).toList();
    }

    /** A clock the test moves forward, so 30-minute timers run in milliseconds. */
    static final class MutableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
