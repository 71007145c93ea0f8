package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.outbox.OutboxRelay;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.application.ReservationDesk;
import io.dinechat.reservation.application.Reminders;
import io.dinechat.reservation.application.Retention;
import io.dinechat.reservation.domain.ReservationCommand.Cancel;
import io.dinechat.reservation.domain.ReservationCommand.Common;
import io.dinechat.reservation.domain.ReservationCommand.Create;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.CommandReplies;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reminders at 24 h and 2 h before the seating, in the restaurant's time zone; retention after 24 months. */
class RemindersAndRetentionTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ReservationDesk desk;
    @Autowired
    private Reminders reminders;
    @Autowired
    private Retention retention;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private CatalogReadModel catalog;
    @Autowired
    private FloorStore floor;
    @Autowired
    private CommandReplies replies;
    @Autowired
    private OutboxRelay relay;
    @Autowired
    private DatabaseClient db;

    @Test
    void remindersGoOutAt24AndAt2HoursBeforeTheLocalSeatingTimeOncePerOffset() {
        // given: Friday 20:00 in Beirut (18:00 UTC) and Friday 19:00 in New York (Saturday 00:00 UTC), plus a cancelled one
        CLOCK.set(Instant.parse("2026-12-10T10:00:00Z"));
        UUID beirut = UUID.randomUUID();
        UUID newYork = UUID.randomUUID();
        String beirutRef = book(beirut, "Asia/Beirut", "96170111222", "arabizi", LocalDateTime.of(2026, 12, 18, 20, 0));
        String newYorkRef = book(newYork, "America/New_York", "12125550123", "english",
                LocalDateTime.of(2026, 12, 18, 19, 0));
        String cancelledRef = book(beirut, "Asia/Beirut", "96170333444", "french", LocalDateTime.of(2026, 12, 18, 20, 0));
        desk.handle(new Cancel(common(beirut, "96170333444", "french"), cancelledRef, null)).block(WAIT);

        try (TopicProbe notifications = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(),
                "notification.requests.v1")) {
            // when / then: one minute before 24 h, nothing for these businesses
            CLOCK.set(Instant.parse("2026-12-17T17:59:00Z"));
            reminders.sendDue().block(WAIT);
            // at 24 h before Beirut's seating
            CLOCK.set(Instant.parse("2026-12-17T18:00:00Z"));
            reminders.sendDue().block(WAIT);
            reminders.sendDue().block(WAIT); // a second pass in the same minute sends nothing again
            // 2 h before Beirut's seating, and (already) 24 h before New York's
            CLOCK.set(Instant.parse("2026-12-18T16:00:00Z"));
            reminders.sendDue().block(WAIT);
            // 2 h before New York's seating (22:00 UTC, 17:00 in New York)
            CLOCK.set(Instant.parse("2026-12-18T22:00:00Z"));
            reminders.sendDue().block(WAIT);
            relay.relayPending().block(WAIT);

            List<JsonNode> sent = notifications.pollUntil(r -> false, Duration.ofSeconds(3)).stream()
                    .filter(r -> beirut.toString().equals(TopicProbe.header(r, "ce_tenantid"))
                            || newYork.toString().equals(TopicProbe.header(r, "ce_tenantid")))
                    .map(RemindersAndRetentionTests::valid)
                    .toList();

            assertThat(sent).extracting(n -> n.path("text").asString().contains(beirutRef) ? "beirut" : "new-york")
                    .containsExactlyInAnyOrder("beirut", "beirut", "new-york", "new-york");
            // Records of one conversation keep their order; across conversations they may interleave.
            JsonNode first = sent.stream().filter(n -> n.path("text").asString().contains(beirutRef)).findFirst().orElseThrow();
            assertThat(first.path("purpose").asString()).isEqualTo("reservation_reminder");
            assertThat(first.path("conversationKey").asString()).isEqualTo("1000:96170111222");
            assertThat(first.path("language").asString()).isEqualTo("arabizi");
            assertThat(first.path("text").asString()).contains("sa3a 20:00");
            assertThat(first.path("buttons").findValuesAsString("id"))
                    .containsExactly("reservation:confirm:" + beirutRef, "reservation:cancel:" + beirutRef);
            assertThat(first.path("expiresAt").asString()).isEqualTo("2026-12-18T18:00:00Z");
            JsonNode newYorkReminder = sent.stream().filter(n -> n.path("text").asString().contains(newYorkRef))
                    .findFirst().orElseThrow();
            assertThat(newYorkReminder.path("text").asString()).contains("Friday 18 December at 19:00")
                    .contains(newYorkRef);
            assertThat(newYorkReminder.path("template").path("parameters").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("Olivia", "Trattoria Aurora", "Friday 18 December", "19:00", "2", newYorkRef);
            assertThat(sent.stream().map(n -> n.path("notificationId").asString()).distinct()).hasSize(4);
        }
    }

    @Test
    void reservationsOlderThan24MonthsArePurgedWithTheirTablesAndRecentOnesStay() {
        // given: one seating in January 2024 and one in March 2024, booked back then
        UUID tenant = UUID.randomUUID();
        CLOCK.set(Instant.parse("2023-12-20T10:00:00Z"));
        String old = book(tenant, "Europe/Paris", "33612345678", "french", LocalDateTime.of(2024, 1, 10, 20, 0));
        CLOCK.set(Instant.parse("2024-02-20T10:00:00Z"));
        String recent = book(tenant, "Europe/Paris", "33612345679", "french", LocalDateTime.of(2024, 3, 10, 20, 0));

        // when: it is now February 2026: the January 2024 seating ended more than 24 months ago
        CLOCK.set(Instant.parse("2026-02-15T10:00:00Z"));
        Retention.Purged purged = retention.purge().block(WAIT);

        // then
        List<String> left = tenants.inTenantMany(tenant, () -> db.sql("select reference from reservations")
                .map(row -> row.get(0, String.class)).all()).collectList().block(WAIT);
        assertThat(left).containsExactly(recent).doesNotContain(old);
        assertThat(purged.reservations()).isGreaterThanOrEqualTo(1);
        assertThat(tenants.inTenant(tenant, () -> db.sql("select count(*) from reservation_tables")
                .map(row -> row.get(0, Long.class)).one()).block(WAIT)).isEqualTo(1);
        // command replies only serve redeliveries: gone after 30 days
        assertThat(tenants.inTenant(tenant, () -> db.sql("select count(*) from reservation_commands")
                .map(row -> row.get(0, Long.class)).one()).block(WAIT)).isZero();
    }

    private String book(UUID tenant, String zone, String phone, String language, LocalDateTime at) {
        UUID branch = branchOf(tenant, zone);
        Create create = new Create(common(tenant, phone, language), at, 2, phone.startsWith("1") ? "Olivia" : "Guest",
                null);
        desk.handle(create).block(WAIT);
        JsonNode reply = JSON.readTree(new String(tenants.inTenant(tenant,
                () -> replies.find(create.common().commandId())).block(WAIT).body(), StandardCharsets.UTF_8));
        assertThat(reply.path("branchId").asString()).isEqualTo(branch.toString());
        return reply.path("reference").asString();
    }

    private final java.util.Map<UUID, UUID> branches = new java.util.HashMap<>();

    private UUID branchOf(UUID tenant, String zone) {
        return branches.computeIfAbsent(tenant, t -> {
            UUID branch = UUID.randomUUID();
            Floor.openRestaurant(catalog, tenants, t, branch, zone, 1, "[]");
            Floor.table(floor, tenants, t, branch, "T1", 1, 4, false, null);
            Floor.table(floor, tenants, t, branch, "T2", 1, 4, false, null);
            return branch;
        });
    }

    private static Common common(UUID tenant, String phone, String language) {
        return new Common(UUID.randomUUID(), tenant, "1000:" + phone, phone, null, language);
    }

    private static JsonNode valid(ConsumerRecord<String, byte[]> record) {
        EventContract.assertValid(TopicProbe.header(record, "ce_type"), record.value());
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }
}
