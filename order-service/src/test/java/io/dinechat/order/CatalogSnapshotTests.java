package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import io.dinechat.order.catalog.messaging.CatalogRepublisher;
import io.dinechat.order.catalog.messaging.CatalogSnapshots;
import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.catalog.persistence.CatalogStore;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.outbox.OutboxRelay;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What order-service publishes on catalog.snapshots.v1, read back from the real broker as any consumer would. */
class CatalogSnapshotTests extends RunningOrderService {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final Duration BLOCK = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private CatalogSnapshots snapshots;
    @Autowired
    private CatalogRepublisher republisher;
    @Autowired
    private CatalogStore store;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private OutboxRelay relay;
    @Autowired
    private DatabaseClient db;
    @Autowired
    private ApplicationContext context;

    @Test
    void afterStartupTheDemoRestaurantsSnapshotIsOnTheCompactedTopicKeyedByTenant() {
        // given: the service started with dinechat.demo.enabled=true
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS)) {
            // when
            ConsumerRecord<String, byte[]> record = first(probe, r -> DEMO_TENANT.toString().equals(r.key()));

            // then
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.catalog.snapshot.published");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/order-service");
            assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(DEMO_TENANT.toString());
            assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(Instant.parse(TopicProbe.header(record, CloudEventHeaders.TIME))).isBefore(Instant.now());
            EventContract.assertValid("io.dinechat.catalog.snapshot.published", record.value());

            JsonNode snapshot = json(record);
            assertThat(snapshot.path("tenantId").asString()).isEqualTo(DEMO_TENANT.toString());
            assertThat(snapshot.path("version").asLong()).isPositive();
            JsonNode business = snapshot.path("business");
            assertThat(business.path("name").asString()).isEqualTo("Trattoria Aurora");
            assertThat(business.path("type").asString()).isEqualTo("restaurant");
            assertThat(business.path("defaultLanguage").asString()).isEqualTo("english");
            assertThat(business.path("timeZone").asString()).isEqualTo("Asia/Beirut");
            assertThat(business.path("currency").asString()).isEqualTo("USD");

            assertThat(snapshot.path("branches")).hasSize(1);
            JsonNode branch = snapshot.path("branches").get(0);
            assertThat(branch.path("name").asString()).isEqualTo("Aurora — Mar Mikhael");
            assertThat(branch.path("whatsappPhoneNumberId").asString()).isEqualTo(DEMO_PHONE_NUMBER_ID);

            Map<String, JsonNode> hours = new HashMap<>();
            snapshot.path("openingHours").forEach(h -> {
                assertThat(h.path("branchId").isNull()).isTrue();
                hours.put(h.path("dayOfWeek").asString(), h);
            });
            assertThat(hours).containsOnlyKeys("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
            assertThat(hours.get("MONDAY").path("closed").asBoolean()).isTrue();
            assertThat(hours.get("MONDAY").path("opensAt").isNull()).isTrue();
            assertThat(openClose(hours.get("TUESDAY"))).isEqualTo("12:00-23:00");
            assertThat(openClose(hours.get("THURSDAY"))).isEqualTo("12:00-23:00");
            assertThat(openClose(hours.get("FRIDAY"))).isEqualTo("12:00-01:00");
            assertThat(openClose(hours.get("SATURDAY"))).isEqualTo("12:00-01:00");
            assertThat(openClose(hours.get("SUNDAY"))).isEqualTo("12:00-22:00");

            assertThat(StreamSupport.stream(snapshot.path("policies").spliterator(), false)
                    .map(p -> p.path("type").asString())).containsExactlyInAnyOrder("cancellation", "delivery");

            assertThat(snapshot.path("menus")).hasSize(1);
            JsonNode menu = snapshot.path("menus").get(0);
            assertThat(menu.path("branchIds").get(0).asString()).isEqualTo(branch.path("id").asString());
            Map<String, JsonNode> items = byName(menu.path("items"));
            assertThat(items).hasSize(8);
            assertThat(items.get("Margherita").path("price").asString()).isEqualTo("12.50");
            assertThat(items.get("Burrata").path("price").asString()).isEqualTo("14.00");
            assertThat(items.get("Tagliatelle al ragù").path("price").asString()).isEqualTo("16.00");
            assertThat(items.get("Tiramisù").path("price").asString()).isEqualTo("7.50");
            assertThat(items.get("Cacio e pepe").path("availability").asString()).isEqualTo("out_of_stock");
            assertThat(items.get("Margherita").path("availability").asString()).isEqualTo("available");
            assertThat(items).doesNotContainKey("Tagliolini al tartufo nero");
            JsonNode size = items.get("Margherita").path("optionGroups").get(0);
            assertThat(size.path("name").asString()).isEqualTo("Size");
            assertThat(size.path("required").asBoolean()).isTrue();
            assertThat(size.path("options").get(1).path("priceDelta").asString()).isEqualTo("4.00");
            assertThat(items.get("Margherita").path("optionGroups").get(1).path("maxChoices").asInt()).isEqualTo(3);
            assertThat(items.get("Burrata").path("optionGroups")).isEmpty();
            assertThat(branch.path("deliveryFee").path("base").asString()).isEqualTo("2.00");
            assertThat(branch.path("serviceRadiusKm").asDouble()).isEqualTo(3.0);
            assertThat(branch.path("menuIds").get(0).asString()).isEqualTo(menu.path("id").asString());
            assertThat(snapshot.path("hourOverrides").isArray()).isTrue();
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("hidden", "tartufo");
        }
    }

    @Test
    void publishingAgainIncrementsTheVersionAndLeavesTheOutboxEmpty() {
        // given
        long before = version(DEMO_TENANT);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS)) {
            // when
            Long published = snapshots.publish(DEMO_TENANT).block(BLOCK);

            // then
            assertThat(published).isEqualTo(before + 1);
            assertThat(version(DEMO_TENANT)).isEqualTo(before + 1);
            ConsumerRecord<String, byte[]> record = first(probe, r -> DEMO_TENANT.toString().equals(r.key())
                    && json(r).path("version").asLong() == published);
            EventContract.assertValid(CatalogSnapshots.PUBLISHED, record.value());
            await().atMost(ARRIVAL).untilAsserted(() -> {
                relay.relayPending().block(BLOCK);
                assertThat(outboxSize()).isZero();
            });
        }
    }

    @Test
    void theDemoSeederIsIdempotentAndPublishesNothingWhenNothingChanged() throws Exception {
        // given
        long before = version(DEMO_TENANT);
        long items = count(DEMO_TENANT, "items");
        ApplicationRunner demo = context.getBean("demoRestaurant", ApplicationRunner.class);

        // when
        demo.run(new DefaultApplicationArguments());

        // then
        assertThat(version(DEMO_TENANT)).isEqualTo(before);
        assertThat(count(DEMO_TENANT, "items")).isEqualTo(items).isEqualTo(9);
        assertThat(count(DEMO_TENANT, "opening_hours")).isEqualTo(7);
        assertThat(count(DEMO_TENANT, "branches")).isEqualTo(1);
    }

    @Test
    void theRepublisherGivesANeverPublishedBusinessItsFirstSnapshotOnceWithoutHiddenDeletedOrInactiveParts() {
        // given: a business written straight into the tables, never published
        UUID tenant = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID closedDown = UUID.randomUUID();
        UUID menu = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        tenants.inTenant(tenant, () -> store.saveBusiness(new Business(tenant, "Sushi Gemmayzeh", "restaurant", "french",
                        "Asia/Beirut", "USD", Business.Settings.everything()))
                .then(store.saveBranch(tenant, new Branch(open, "Gemmayzeh", new Address("Beirut", "Gouraud Street",
                        null, "1", null, null, null), "+961 1 444 000", null, null, 30, true)))
                .then(store.saveBranch(tenant, new Branch(closedDown, "Jounieh", null, null, null, null, null, false)))
                .then(store.saveOpeningHours(tenant, OpeningHours.open(UUID.randomUUID(), null, DayOfWeek.MONDAY,
                        LocalTime.of(18, 0), LocalTime.of(23, 30))))
                .then(store.saveOpeningHours(tenant, OpeningHours.open(UUID.randomUUID(), open, DayOfWeek.SATURDAY,
                        LocalTime.of(12, 0), LocalTime.of(15, 0))))
                .then(store.saveOpeningHours(tenant, OpeningHours.closedAllDay(UUID.randomUUID(), closedDown,
                        DayOfWeek.SUNDAY)))
                .then(store.savePolicy(tenant, new Policy(UUID.randomUUID(), closedDown, "refund", null,
                        "Refunds at the Jounieh counter.")))
                .then(store.saveMenu(tenant, new Menu(menu, "Omakase", null, true, List.of(open, closedDown), List.of())))
                .then(store.saveItem(tenant, menu, item("Salmon nigiri", "8.00", Item.AVAILABLE)))
                .then(store.saveItem(tenant, menu, item("Chef's tasting", "65.00", Item.HIDDEN)))
                .then(store.saveItem(tenant, menu, new Item(retired, "Dragon roll", null, new BigDecimal("14.00"),
                        Item.AVAILABLE, List.of(), List.of(), false, 3)))
                .then(store.deleteItem(tenant, retired)))
                .block(BLOCK);

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS)) {
            // when
            Integer first = republisher.publishMissing().block(BLOCK);
            Integer second = republisher.publishMissing().block(BLOCK);

            // then
            assertThat(first).isOne();
            assertThat(second).isZero();
            assertThat(version(tenant)).isEqualTo(1);
            ConsumerRecord<String, byte[]> record = first(probe, r -> tenant.toString().equals(r.key()));
            EventContract.assertValid(CatalogSnapshots.PUBLISHED, record.value());
            assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(tenant.toString());
            JsonNode snapshot = json(record);
            assertThat(snapshot.path("version").asLong()).isEqualTo(1);
            assertThat(snapshot.path("business").path("defaultLanguage").asString()).isEqualTo("french");
            assertThat(snapshot.path("branches")).hasSize(1);
            assertThat(snapshot.path("branches").get(0).path("id").asString()).isEqualTo(open.toString());
            assertThat(snapshot.path("branches").get(0).path("minOrderValue").isNull()).isTrue();
            assertThat(snapshot.path("openingHours")).hasSize(2);
            assertThat(snapshot.path("openingHours").get(0).path("branchId").isNull()).isTrue();
            assertThat(snapshot.path("openingHours").get(1).path("branchId").asString()).isEqualTo(open.toString());
            assertThat(snapshot.path("openingHours").get(1).path("closesAt").asString()).isEqualTo("15:00");
            assertThat(snapshot.path("policies")).isEmpty();
            JsonNode omakase = snapshot.path("menus").get(0);
            assertThat(omakase.path("branchIds")).hasSize(1);
            assertThat(omakase.path("branchIds").get(0).asString()).isEqualTo(open.toString());
            assertThat(byName(omakase.path("items"))).containsOnlyKeys("Salmon nigiri");
        }
    }

    private static Item item(String name, String price, String availability) {
        return new Item(UUID.randomUUID(), name, null, new BigDecimal(price), availability, List.of(), List.of(), false, 1);
    }

    private static ConsumerRecord<String, byte[]> first(TopicProbe probe, Predicate<ConsumerRecord<String, byte[]>> match) {
        return probe.pollUntil(match, ARRIVAL).stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no matching snapshot on " + Topics.CATALOG_SNAPSHOTS + " within " + ARRIVAL));
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String openClose(JsonNode hours) {
        assertThat(hours.path("closed").asBoolean()).isFalse();
        return hours.path("opensAt").asString() + "-" + hours.path("closesAt").asString();
    }

    private static Map<String, JsonNode> byName(JsonNode items) {
        Map<String, JsonNode> byName = new HashMap<>();
        items.forEach(i -> byName.put(i.path("name").asString(), i));
        return byName;
    }

    private long version(UUID tenant) {
        return tenants.inTenant(tenant, () -> db.sql("select version from catalog_versions where tenant_id = :tenant")
                .bind("tenant", tenant).map(row -> row.get("version", Long.class)).one().defaultIfEmpty(0L))
                .block(BLOCK);
    }

    private long count(UUID tenant, String table) {
        return tenants.inTenant(tenant, () -> db.sql("select count(*) as n from " + table)
                .map(row -> row.get("n", Long.class)).one()).block(BLOCK);
    }

    private long outboxSize() {
        return db.sql("select count(*) as n from outbox").map(row -> row.get("n", Long.class)).one()
                .switchIfEmpty(Mono.just(0L)).block(BLOCK);
    }
}
