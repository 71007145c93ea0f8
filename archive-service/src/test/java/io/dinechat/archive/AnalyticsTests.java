package io.dinechat.archive;

import static io.dinechat.archive.OrderFixtures.cola;
import static io.dinechat.archive.OrderFixtures.pizza;
import static io.dinechat.archive.OrderFixtures.salad;
import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.application.Analytics;
import io.dinechat.archive.application.Analytics.Period;
import io.dinechat.archive.application.OrderArchiving;
import io.dinechat.archive.application.Rollups;
import io.dinechat.archive.messaging.Topics;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.platform.security.Role;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every analytics figure on a small data set whose answers are worked out by hand, for a business
 * in Beirut (UTC+2 in November), beside another business whose orders must never show.
 *
 * <pre>
 * #  branch  guest        lang     placed (local)     status     lines              total  took
 * 1  B1      Rami  111    english  Mon 16 Nov 12:10   completed  2 pizza, 1 cola    22.50  30 min
 * 2  B1      Rami  111    arabizi  Tue 17 Nov 19:05   completed  1 pizza, 1 salad   19.50  45 min (2.00 delivery)
 * 3  B2      Lea   222    french   Tue 17 Nov 12:30   completed  2 salad            15.00  20 min
 * 4  B2      Omar  333    arabic   Wed 18 Nov 00:30   completed  4 cola             10.00  25 min (17 Nov in UTC)
 * 5  B1      Lea   222    french   Wed 18 Nov 19:20   cancelled  3 pizza            30.00
 * 6  B1      Rami  111    english  Mon 23 Nov 12:00   completed  1 pizza            10.00  35 min
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsTests extends ArchiveServiceContext {

    private static final String PLAN_CHANGED = "io.dinechat.billing.plan.changed";
    private static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    private static final String PERIOD = "from=2026-11-16&to=2026-11-23";

    private final UUID business = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID standard = UUID.randomUUID();
    private final UUID unknown = UUID.randomUUID();
    private final String b1 = UUID.randomUUID().toString();
    private final String b2 = UUID.randomUUID().toString();

    @Autowired
    private WebTestClient http;

    @Autowired
    private OrderArchiving archiving;

    @Autowired
    private BusinessProfiles profiles;

    @Autowired
    private Rollups rollups;

    @Autowired
    private Analytics analytics;

    @BeforeAll
    void knownDataSet() {
        String a = business.toString();
        profiles.apply(a, 1, "Asia/Beirut", "USD").block();
        archive(a, b1, "961111", "Rami", "english", "completed", "2026-11-16T12:10", 30, "0.00", pizza(2), cola(1));
        archive(a, b1, "961111", "Rami", "arabizi", "completed", "2026-11-17T19:05", 45, "2.00", pizza(1), salad(1));
        archive(a, b2, "962222", "Lea", "french", "completed", "2026-11-17T12:30", 20, "0.00", salad(2));
        archive(a, b2, "963333", "Omar", "arabic", "completed", "2026-11-18T00:30", 25, "0.00", cola(4));
        archive(a, b1, "962222", "Lea", "french", "cancelled", "2026-11-18T19:20", null, "0.00", pizza(3));
        archive(a, b1, "961111", "Rami", "english", "completed", "2026-11-23T12:00", 35, "0.00", pizza(1));
        // Another business, same guest phone and days: none of it may show in the first one's figures.
        archive(other.toString(), UUID.randomUUID().toString(), "961111", "Rami", "english", "completed",
                "2026-11-17T13:00", 10, "0.00", pizza(50));

        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            plan(producer, business, "premium", "active", true, 2);
            plan(producer, business, "standard", "active", false, 1); // older, arrives late: ignored
            plan(producer, other, "premium", "active", true, 1);
            plan(producer, standard, "standard", "active", false, 3);
        }
        Eventually.await("plans applied", () -> status(standard) == 402 && status(other) == 200);
        rollups.backfill(null, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-30")).block(Duration.ofSeconds(60));
    }

    @Test
    void summaryAndAverageOrderValueCountCompletedOrdersOnly() {
        get(business, "/api/analytics/summary?" + PERIOD)
                .jsonPath("$.from").isEqualTo("2026-11-16")
                .jsonPath("$.to").isEqualTo("2026-11-23")
                .jsonPath("$.timeZone").isEqualTo("Asia/Beirut")
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.orders").isEqualTo(5)
                .jsonPath("$.cancelledOrders").isEqualTo(1)
                .jsonPath("$.revenue").isEqualTo("77.00")
                .jsonPath("$.averageOrderValue").isEqualTo("15.40")
                .jsonPath("$.customers").isEqualTo(3)
                .jsonPath("$.repeatCustomers").isEqualTo(1)
                .jsonPath("$.averageCompletionMinutes").isEqualTo(31.0);
        get(business, "/api/analytics/order-value?" + PERIOD)
                .jsonPath("$.orders").isEqualTo(5)
                .jsonPath("$.revenue").isEqualTo("77.00")
                .jsonPath("$.averageOrderValue").isEqualTo("15.40");
    }

    @Test
    void biggestSpendersRankGuestsByWhatTheySpent() {
        get(business, "/api/analytics/spenders?" + PERIOD)
                .jsonPath("$.spenders.length()").isEqualTo(3)
                .jsonPath("$.spenders[0].phone").isEqualTo("961111")
                .jsonPath("$.spenders[0].name").isEqualTo("Rami")
                .jsonPath("$.spenders[0].orders").isEqualTo(3)
                .jsonPath("$.spenders[0].spend").isEqualTo("52.00")
                .jsonPath("$.spenders[1].phone").isEqualTo("962222")
                .jsonPath("$.spenders[1].spend").isEqualTo("15.00")
                .jsonPath("$.spenders[2].phone").isEqualTo("963333")
                .jsonPath("$.spenders[2].spend").isEqualTo("10.00");
        get(business, "/api/analytics/spenders?limit=1&" + PERIOD).jsonPath("$.spenders.length()").isEqualTo(1);
    }

    @Test
    void salesByLocalHourDayAndWeek() {
        get(business, "/api/analytics/sales?by=hour&" + PERIOD)
                .jsonPath("$.buckets.length()").isEqualTo(3)
                .jsonPath("$.buckets[0].hour").isEqualTo("00")
                .jsonPath("$.buckets[0].orders").isEqualTo(1)
                .jsonPath("$.buckets[0].revenue").isEqualTo("10.00")
                .jsonPath("$.buckets[1].hour").isEqualTo("12")
                .jsonPath("$.buckets[1].orders").isEqualTo(3)
                .jsonPath("$.buckets[1].revenue").isEqualTo("47.50")
                .jsonPath("$.buckets[2].hour").isEqualTo("19")
                .jsonPath("$.buckets[2].revenue").isEqualTo("19.50");
        get(business, "/api/analytics/sales?by=day&" + PERIOD)
                .jsonPath("$.buckets.length()").isEqualTo(4)
                .jsonPath("$.buckets[0].day").isEqualTo("2026-11-16")
                .jsonPath("$.buckets[0].revenue").isEqualTo("22.50")
                .jsonPath("$.buckets[1].day").isEqualTo("2026-11-17")
                .jsonPath("$.buckets[1].orders").isEqualTo(2)
                .jsonPath("$.buckets[1].revenue").isEqualTo("34.50")
                .jsonPath("$.buckets[2].day").isEqualTo("2026-11-18")
                .jsonPath("$.buckets[2].orders").isEqualTo(1)
                .jsonPath("$.buckets[2].revenue").isEqualTo("10.00")
                .jsonPath("$.buckets[3].day").isEqualTo("2026-11-23");
        get(business, "/api/analytics/sales?by=week&" + PERIOD)
                .jsonPath("$.buckets.length()").isEqualTo(2)
                .jsonPath("$.buckets[0].weekStarting").isEqualTo("2026-11-16")
                .jsonPath("$.buckets[0].orders").isEqualTo(4)
                .jsonPath("$.buckets[0].revenue").isEqualTo("67.00")
                .jsonPath("$.buckets[1].weekStarting").isEqualTo("2026-11-23")
                .jsonPath("$.buckets[1].revenue").isEqualTo("10.00");
    }

    @Test
    void mostOrderedItemsByQuantity() {
        get(business, "/api/analytics/items?" + PERIOD)
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].name").isEqualTo("Cola")
                .jsonPath("$.items[0].quantity").isEqualTo(5)
                .jsonPath("$.items[0].revenue").isEqualTo("12.50")
                .jsonPath("$.items[1].name").isEqualTo("Margherita")
                .jsonPath("$.items[1].quantity").isEqualTo(4)
                .jsonPath("$.items[1].revenue").isEqualTo("40.00")
                .jsonPath("$.items[2].name").isEqualTo("Fattoush")
                .jsonPath("$.items[2].quantity").isEqualTo(3)
                .jsonPath("$.items[2].revenue").isEqualTo("22.50");
    }

    @Test
    void repeatCustomersOrderedTwiceOrMoreInThePeriod() {
        get(business, "/api/analytics/customers/repeat?" + PERIOD)
                .jsonPath("$.customers").isEqualTo(3)
                .jsonPath("$.repeatCustomers").isEqualTo(1)
                .jsonPath("$.repeatRatePercent").isEqualTo(33.3)
                .jsonPath("$.ordersFromRepeatCustomers").isEqualTo(3);
        // Within 17-18 Nov Rami ordered once: nobody repeats.
        get(business, "/api/analytics/customers/repeat?from=2026-11-17&to=2026-11-18")
                .jsonPath("$.customers").isEqualTo(3)
                .jsonPath("$.repeatCustomers").isEqualTo(0);
    }

    @Test
    void completionTimeFromPlacedToCompleted() {
        get(business, "/api/analytics/completion-time?" + PERIOD)
                .jsonPath("$.measuredOrders").isEqualTo(5)
                .jsonPath("$.averageMinutes").isEqualTo(31.0)
                .jsonPath("$.fastestMinutes").isEqualTo(20.0)
                .jsonPath("$.slowestMinutes").isEqualTo(45.0);
    }

    @Test
    void branchesComparedAndFilteredOneByOne() {
        String first = b1.compareTo(b2) < 0 ? b1 : b2;
        get(business, "/api/analytics/branches?" + PERIOD)
                .jsonPath("$.branches.length()").isEqualTo(2)
                .jsonPath("$.branches[0].branchId").isEqualTo(b1)
                .jsonPath("$.branches[0].orders").isEqualTo(3)
                .jsonPath("$.branches[0].cancelledOrders").isEqualTo(1)
                .jsonPath("$.branches[0].revenue").isEqualTo("52.00")
                .jsonPath("$.branches[0].averageOrderValue").isEqualTo("17.33")
                .jsonPath("$.branches[0].averageCompletionMinutes").isEqualTo(36.7)
                .jsonPath("$.branches[1].branchId").isEqualTo(b2)
                .jsonPath("$.branches[1].orders").isEqualTo(2)
                .jsonPath("$.branches[1].revenue").isEqualTo("25.00")
                .jsonPath("$.branches[1].averageOrderValue").isEqualTo("12.50")
                .jsonPath("$.branches[1].averageCompletionMinutes").isEqualTo(22.5);
        assertThat(first).isNotNull();
        get(business, "/api/analytics/summary?branchId=" + b2 + "&" + PERIOD)
                .jsonPath("$.branchId").isEqualTo(b2)
                .jsonPath("$.orders").isEqualTo(2)
                .jsonPath("$.revenue").isEqualTo("25.00")
                .jsonPath("$.customers").isEqualTo(2);
        get(business, "/api/analytics/summary?from=2026-11-17&to=2026-11-18")
                .jsonPath("$.orders").isEqualTo(3)
                .jsonPath("$.revenue").isEqualTo("44.50");
    }

    @Test
    void languageDistributionOfCompletedOrders() {
        get(business, "/api/analytics/languages?" + PERIOD)
                .jsonPath("$.languages.length()").isEqualTo(4)
                .jsonPath("$.languages[0].language").isEqualTo("english")
                .jsonPath("$.languages[0].orders").isEqualTo(2)
                .jsonPath("$.languages[0].sharePercent").isEqualTo(40.0)
                .jsonPath("$.languages[1].language").isEqualTo("arabic")
                .jsonPath("$.languages[1].sharePercent").isEqualTo(20.0)
                .jsonPath("$.languages[2].language").isEqualTo("arabizi")
                .jsonPath("$.languages[3].language").isEqualTo("french");
    }

    @Test
    void theRollUpsGiveTheSameAnswersAsTheRawOrderLogs() {
        // given
        Period period = new Period(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"), BEIRUT);

        // when
        var rolled = analytics.report(business.toString(), null, period).block();
        var raw = analytics.reportFromOrders(business.toString(), null, period).block();

        // then
        assertThat(rolled.totals()).isEqualTo(raw.totals());
        assertThat(rolled.biggestSpenders(10)).isEqualTo(raw.biggestSpenders(10));
        assertThat(rolled.mostOrderedItems(10)).isEqualTo(raw.mostOrderedItems(10));
        assertThat(rolled.languages()).isEqualTo(raw.languages());
        assertThat(rolled.branches()).isEqualTo(raw.branches());
        assertThat(rolled.sales(io.dinechat.archive.domain.SalesReport.Granularity.HOUR))
                .isEqualTo(raw.sales(io.dinechat.archive.domain.SalesReport.Granularity.HOUR));
    }

    @Test
    void everyEndpointAnswersOnlyAboutTheCallersBusiness() {
        // The other business's 500.00 order, to the same guest on the same day, shows only to it.
        for (String path : List.of("summary", "order-value")) {
            get(business, "/api/analytics/" + path + "?" + PERIOD).jsonPath("$.revenue").isEqualTo("77.00");
            get(other, "/api/analytics/" + path + "?" + PERIOD).jsonPath("$.revenue").isEqualTo("500.00");
        }
        get(other, "/api/analytics/spenders?" + PERIOD).jsonPath("$.spenders.length()").isEqualTo(1)
                .jsonPath("$.spenders[0].spend").isEqualTo("500.00");
        get(other, "/api/analytics/sales?by=day&" + PERIOD).jsonPath("$.buckets.length()").isEqualTo(1);
        get(other, "/api/analytics/items?" + PERIOD).jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].quantity").isEqualTo(50);
        get(other, "/api/analytics/customers/repeat?" + PERIOD).jsonPath("$.customers").isEqualTo(1);
        get(other, "/api/analytics/completion-time?" + PERIOD).jsonPath("$.measuredOrders").isEqualTo(1);
        get(other, "/api/analytics/branches?" + PERIOD).jsonPath("$.branches.length()").isEqualTo(1);
        get(other, "/api/analytics/languages?" + PERIOD).jsonPath("$.languages.length()").isEqualTo(1);
        // A branch of another business is simply empty, not a way in.
        get(other, "/api/analytics/summary?branchId=" + b1 + "&" + PERIOD).jsonPath("$.orders").isEqualTo(0);
    }

    @Test
    void aStandardPlanOrNoPlanGetsPaymentRequiredWithAnUpgradeHint() {
        for (UUID tenant : List.of(standard, unknown)) {
            http.get().uri("/api/analytics/summary?" + PERIOD)
                    .header("Authorization", TestIdentity.bearer(tenant, UUID.randomUUID(), Role.OWNER))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.PAYMENT_REQUIRED)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://dinechat.io/problems/premium-required")
                    .jsonPath("$.status").isEqualTo(402)
                    .jsonPath("$.requiredPlan").isEqualTo("premium")
                    .jsonPath("$.upgradeHint").exists();
        }
    }

    @Test
    void onlyOwnersAndActingAdminsWithAValidTokenSeeAnalytics() {
        http.get().uri("/api/analytics/summary?" + PERIOD)
                .header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.STAFF))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/analytics/summary?" + PERIOD).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/analytics/summary?" + PERIOD)
                .header("Authorization", TestIdentity.forgedBearer(business, UUID.randomUUID(), Role.OWNER))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/analytics/summary?from=2026-11-23&to=2026-11-16")
                .header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.OWNER))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.BodyContentSpec get(UUID tenant, String uri) {
        return http.get().uri(uri)
                .header("Authorization", TestIdentity.bearer(tenant, UUID.randomUUID(), Role.OWNER))
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    private int status(UUID tenant) {
        return http.get().uri("/api/analytics/summary?" + PERIOD)
                .header("Authorization", TestIdentity.bearer(tenant, UUID.randomUUID(), Role.OWNER))
                .exchange().returnResult(String.class).getStatus().value();
    }

    private void archive(String tenant, String branch, String phone, String name, String language, String status,
            String placedLocal, Integer minutes, String deliveryFee, OrderFixtures.Line... lines) {
        String orderId = UUID.randomUUID().toString();
        Instant placed = java.time.LocalDateTime.parse(placedLocal).atZone(BEIRUT).toInstant();
        String body = OrderFixtures.order(orderId, tenant, branch, phone, name, language, status, placed,
                minutes == null ? null : Duration.ofMinutes(minutes), deliveryFee, lines);
        archiving.archive(tenant, orderId, Document.parse(body)).block(Duration.ofSeconds(30));
    }

    private static void plan(TestProducer producer, UUID tenant, String plan, String status, boolean premium,
            long version) {
        String body = """
                {"tenantId":"%s","plan":"%s","status":"%s","premiumFeatures":%s,"graceUntil":null,
                 "currentPeriodEnd":null,"version":%d,"at":"2026-11-20T10:00:00Z"}"""
                .formatted(tenant, plan, status, premium, version);
        EventContract.assertValid(PLAN_CHANGED, body.getBytes(StandardCharsets.UTF_8));
        producer.send(Topics.BILLING_EVENTS, tenant.toString(), UUID.randomUUID().toString(), PLAN_CHANGED,
                tenant.toString(), body);
    }
}
