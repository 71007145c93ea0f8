package io.dinechat.archive;

import static io.dinechat.archive.OrderFixtures.pizza;
import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.application.OrderArchiving;
import io.dinechat.archive.application.Retention;
import io.dinechat.archive.application.Rollups;
import io.dinechat.archive.config.ArchiveProperties;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.archive.persistence.DailyMetrics;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.archive.persistence.RollupRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The nightly roll-up follows each business's own clock; analytics older than 12 months lose who the guests were. */
class RetentionAndRollupScheduleTests extends ArchiveServiceContext {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private OrderArchiving archiving;

    @Autowired
    private OrderLogs orders;

    @Autowired
    private DailyMetrics metrics;

    @Autowired
    private BusinessProfiles profiles;

    @Autowired
    private RollupRuns runs;

    @Autowired
    private ArchiveProperties properties;

    @Autowired
    private Rollups rollups;

    @Autowired
    private Retention retention;

    @Test
    void eachBusinessIsRolledUpOnceItsOwnNightHasPassed() {
        // given: at 01:30 UTC it is 03:30 in Beirut (past the 03:00 roll-up hour) and 20:30 the day before in New York
        String beirut = UUID.randomUUID().toString();
        String newYork = UUID.randomUUID().toString();
        profiles.apply(beirut, 1, "Asia/Beirut", "USD").block();
        profiles.apply(newYork, 1, "America/New_York", "USD").block();
        archive(beirut, Instant.parse("2026-11-19T09:00:00Z")); // 19 Nov in Beirut
        archive(newYork, Instant.parse("2026-11-19T15:00:00Z")); // 19 Nov in New York
        Rollups night = new Rollups(orders, metrics, profiles, runs, properties,
                Clock.fixed(Instant.parse("2026-11-20T01:30:00Z"), ZoneOffset.UTC));

        // when
        night.rollDueBusinesses().block(Duration.ofSeconds(60));

        // then
        assertThat(days(beirut)).containsExactly("2026-11-19");
        assertThat(days(newYork)).isEmpty();

        // and when: New York's night passes too (08:30 UTC = 03:30 local), and the schedule fires twice
        Rollups later = new Rollups(orders, metrics, profiles, runs, properties,
                Clock.fixed(Instant.parse("2026-11-20T08:30:00Z"), ZoneOffset.UTC));
        later.rollDueBusinesses().block(Duration.ofSeconds(60));
        archive(beirut, Instant.parse("2026-11-19T10:00:00Z")); // archived after Beirut's roll-up
        later.rollDueBusinesses().block(Duration.ofSeconds(60));

        // then: New York is rolled up; Beirut's day was claimed once and waits for the next night's look-back
        assertThat(days(newYork)).containsExactly("2026-11-19");
        assertThat(metrics.between(beirut, null, LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-19"))
                .blockFirst().orders()).isEqualTo(1);
        Rollups nextNight = new Rollups(orders, metrics, profiles, runs, properties,
                Clock.fixed(Instant.parse("2026-11-21T01:30:00Z"), ZoneOffset.UTC));
        nextNight.rollDueBusinesses().block(Duration.ofSeconds(60));
        assertThat(metrics.between(beirut, null, LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-19"))
                .blockFirst().orders()).isEqualTo(2);
    }

    @Test
    void analyticsOlderThanTwelveMonthsKeepTheirFiguresButNotTheGuests() {
        // given
        String tenant = UUID.randomUUID().toString();
        Instant old = Instant.now().minus(Duration.ofDays(400));
        Instant recent = Instant.now().minus(Duration.ofDays(10));
        String oldOrder = archive(tenant, old);
        String recentOrder = archive(tenant, recent);
        rollups.rollTenant(tenant, ZoneOffset.UTC, old.atZone(ZoneOffset.UTC).toLocalDate(),
                recent.atZone(ZoneOffset.UTC).toLocalDate()).block(Duration.ofSeconds(60));

        // when
        retention.deidentifyOld().block(Duration.ofSeconds(60));

        // then
        Document oldLog = order(oldOrder);
        assertThat(oldLog.get("customer", Document.class).getString("phone")).isNull();
        assertThat(oldLog.get("customer", Document.class).getString("name")).isNull();
        assertThat(oldLog.get("deliveryAddress")).isNull();
        assertThat(oldLog.getBoolean("deidentified")).isTrue();
        assertThat(order(recentOrder).get("customer", Document.class).getString("phone")).isEqualTo("96170111222");

        var days = metrics.between(tenant, null, old.atZone(ZoneOffset.UTC).toLocalDate(),
                recent.atZone(ZoneOffset.UTC).toLocalDate()).collectList().block();
        assertThat(days).hasSize(2);
        var oldDay = days.stream().filter(d -> d.day().equals(old.atZone(ZoneOffset.UTC).toLocalDate())).findFirst().orElseThrow();
        var recentDay = days.stream().filter(d -> d != oldDay).findFirst().orElseThrow();
        assertThat(oldDay.deidentified()).isTrue();
        assertThat(oldDay.customers()).isEmpty();
        assertThat(oldDay.distinctCustomers()).isEqualTo(1);
        assertThat(oldDay.orders()).isEqualTo(1);
        assertThat(oldDay.revenue()).isEqualByComparingTo("10.00");
        assertThat(recentDay.customers()).hasSize(1);
    }

    private String archive(String tenant, Instant placed) {
        String orderId = UUID.randomUUID().toString();
        String branch = UUID.nameUUIDFromBytes(tenant.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        archiving.archive(tenant, orderId, Document.parse(OrderFixtures.order(orderId, tenant, branch, "96170111222", "Karim", "english", "completed", placed,
                Duration.ofMinutes(25), "0.00", pizza(1)))).block(Duration.ofSeconds(30));
        return orderId;
    }

    private List<String> days(String tenant) {
        return metrics.between(tenant, null, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))
                .map(d -> d.day().toString()).collectList().block(Duration.ofSeconds(10));
    }

    private Document order(String orderId) {
        return mongo.getCollection("order_logs")
                .flatMap(c -> Mono.from(c.find(new Document("orderId", orderId)).first()))
                .block(Duration.ofSeconds(10));
    }

}
