package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.messaging.Topics;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog editor of the dashboard: validation as problem+json, roles, audit, soft delete, snapshots, photos. */
class CatalogApiTests extends RunningOrderService {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private WebTestClient http;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private DatabaseClient db;

    private UUID tenant;
    private UUID ownerId;
    private String owner;
    private String staff;

    @BeforeEach
    void aNewBusiness() {
        CLOCK.set(TestClock.FRIDAY_EVENING);
        tenant = UUID.randomUUID();
        ownerId = UUID.randomUUID();
        owner = TestIdentity.bearer(tenant, ownerId, Role.OWNER);
        staff = TestIdentity.bearer(tenant, UUID.randomUUID(), Role.STAFF);
        put("/api/catalog/business", owner, Map.of("name", "Zaatar w Zeit", "type", "restaurant",
                "defaultLanguage", "arabizi", "timeZone", "Asia/Beirut", "currency", "USD",
                "settings", Map.of("allowScheduledOrders", true, "allowDelivery", true, "allowTakeaway", true,
                        "allowOnSite", false)))
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Zaatar w Zeit");
    }

    private WebTestClient.ResponseSpec post(String uri, String bearer, Object body) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String uri, String bearer, Object body) {
        return http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private String createMenu() {
        String branch = JSON.readTree(post("/api/catalog/branches", owner, Map.of("name", "Hamra",
                        "minOrderValue", "10.00", "serviceRadiusKm", 4, "deliveryFee", Map.of("base", "1.50")))
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).path("id").asString();
        return JSON.readTree(post("/api/catalog/menus", owner, Map.of("name", "Breakfast", "shared", false,
                        "branchIds", List.of(branch)))
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).path("id").asString();
    }

    private static Map<String, Object> manoushe(String menuId) {
        return Map.of("menuId", menuId, "name", "Manoushe zaatar", "price", "3.50", "cost", "0.80",
                "allergens", List.of("gluten", "sesame"), "preparationTimeMinutes", 8,
                "optionGroups", List.of(Map.of("name", "Extras", "kind", "addon", "required", false, "minChoices", 0,
                        "maxChoices", 2, "options", List.of(Map.of("name", "Cheese", "priceDelta", "1.00"),
                                Map.of("name", "Vegetables", "priceDelta", "0.50")))));
    }

    @Test
    void anOwnersNewItemIsAuditedAndReachesTheSnapshotWithItsOptions() {
        // given
        String menuId = createMenu();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS,
                Topics.AUDIT)) {
            // when
            String itemId = JSON.readTree(post("/api/catalog/items", owner, manoushe(menuId))
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/catalog/items/.+")
                    .expectBody(String.class).returnResult().getResponseBody()).path("id").asString();

            // then
            Predicate<ConsumerRecord<String, byte[]>> snapshotWithItem = r -> tenant.toString().equals(r.key())
                    && Topics.CATALOG_SNAPSHOTS.equals(r.topic()) && body(r).contains(itemId);
            ConsumerRecord<String, byte[]> snapshot = probe.pollUntil(snapshotWithItem, ARRIVAL).stream()
                    .filter(snapshotWithItem).findFirst().orElseThrow();
            EventContract.assertValid("io.dinechat.catalog.snapshot.published", snapshot.value());
            JsonNode item = JSON.readTree(body(snapshot)).path("menus").get(0).path("items").get(0);
            assertThat(item.path("optionGroups").get(0).path("options")).hasSize(2);
            assertThat(item.path("preparationTimeMinutes").asInt()).isEqualTo(8);
            assertThat(body(snapshot)).doesNotContain("0.80");
            Predicate<ConsumerRecord<String, byte[]>> audit = r -> Topics.AUDIT.equals(r.topic()) && body(r).contains(itemId);
            ConsumerRecord<String, byte[]> record = probe.pollUntil(audit, ARRIVAL).stream().filter(audit).findFirst()
                    .orElseThrow();
            EventContract.assertValid("io.dinechat.audit.recorded", record.value());
            JsonNode recorded = JSON.readTree(body(record));
            assertThat(recorded.path("action").asString()).isEqualTo("menu_item.created");
            assertThat(recorded.path("actor").path("userId").asString()).isEqualTo(ownerId.toString());
            assertThat(recorded.path("before").isNull()).isTrue();
            assertThat(recorded.path("after").path("name").asString()).isEqualTo("Manoushe zaatar");
        }
    }

    @Test
    void invalidChangesAnswer400ProblemJsonNamingEveryFieldAndChangeNothing() {
        // given
        String menuId = createMenu();
        Map<String, Object> broken = Map.of("menuId", menuId, "name", " ", "price", "-2.999", "availability", "maybe",
                "optionGroups", List.of(Map.of("name", "Size", "kind", "colour", "required", true, "minChoices", 3,
                        "maxChoices", 2, "options", List.of(Map.of("name", "Large")))));

        // when / then
        post("/api/catalog/items", owner, broken).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dinechat.io/problems/invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'price')]").exists()
                .jsonPath("$.errors[?(@.field == 'availability')]").exists()
                .jsonPath("$.errors[?(@.field == 'optionGroups[0].kind')]").exists()
                .jsonPath("$.errors[?(@.field == 'optionGroups[0]')]").exists();
        post("/api/catalog/items", owner, Map.of("menuId", UUID.randomUUID().toString(), "name", "Ka3ke", "price", "2"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("menuId");
        put("/api/catalog/opening-hours", owner, Map.of("days", List.of(Map.of("dayOfWeek", "funday", "opensAt", "25:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        post("/api/catalog/hour-overrides", owner, Map.of("date", "2026-13-40", "closed", true, "opensAt", "10:00"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        put("/api/catalog/business", owner, Map.of("name", "X", "type", "casino", "defaultLanguage", "latin",
                "timeZone", "Mars/Olympus", "currency", "usd"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(5);
        http.post().uri("/api/catalog/items").header(HttpHeaders.AUTHORIZATION, owner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, owner).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.menus[0].items.length()").isEqualTo(0)
                .jsonPath("$.openingHours.length()").isEqualTo(0);
    }

    @Test
    void staffSwitchItemsOutOfStockButChangeNothingElseAndNeverSeeCosts() {
        // given
        String menuId = createMenu();
        String itemId = JSON.readTree(post("/api/catalog/items", owner, manoushe(menuId)).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()).path("id").asString();

        // when / then
        post("/api/catalog/items", staff, manoushe(menuId)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/api/catalog/items/{id}", itemId).header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isForbidden();
        http.patch().uri("/api/catalog/items/{id}/availability", itemId).header(HttpHeaders.AUTHORIZATION, staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("availability", "out_of_stock")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.availability").isEqualTo("out_of_stock").jsonPath("$.cost").isEmpty();
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.menus[0].items[0].availability").isEqualTo("out_of_stock")
                .jsonPath("$.menus[0].items[0].cost").isEmpty();
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, owner).exchange()
                .expectBody().jsonPath("$.menus[0].items[0].cost").isEqualTo(0.8);
    }

    @Test
    void deletingAnItemIsSoftItLeavesTheSnapshotButStaysInTheDatabase() {
        // given
        String menuId = createMenu();
        String itemId = JSON.readTree(post("/api/catalog/items", owner, manoushe(menuId)).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()).path("id").asString();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS)) {
            // when
            http.delete().uri("/api/catalog/items/{id}", itemId).header(HttpHeaders.AUTHORIZATION, owner).exchange()
                    .expectStatus().isNoContent();

            // then: a snapshot newer than the one with the item, without it
            Predicate<ConsumerRecord<String, byte[]>> withItem = r -> tenant.toString().equals(r.key())
                    && body(r).contains(itemId);
            long versionWithItem = probe.pollUntil(withItem, ARRIVAL).stream().filter(withItem)
                    .mapToLong(r -> JSON.readTree(body(r)).path("version").asLong()).max().orElseThrow();
            Predicate<ConsumerRecord<String, byte[]>> newest = r -> tenant.toString().equals(r.key())
                    && JSON.readTree(body(r)).path("version").asLong() > versionWithItem
                    && !body(r).contains(itemId);
            assertThat(probe.pollUntil(newest, ARRIVAL)).anyMatch(newest);
            assertThat(tenants.inTenant(tenant, () -> db.sql("select count(*) as n from items where id = :id and deleted_at is not null")
                    .bind("id", UUID.fromString(itemId)).map(row -> row.get("n", Long.class)).one()).block(ARRIVAL)).isOne();
            http.delete().uri("/api/catalog/items/{id}", itemId).header(HttpHeaders.AUTHORIZATION, owner).exchange()
                    .expectStatus().isNotFound();
        }
    }

    @Test
    void anotherBusinessCannotTouchTheDemoRestaurantsItems() {
        // given: an owner of this new business, and the demo's margherita
        // when / then
        put("/api/catalog/items/" + DemoIds.MARGHERITA, owner, Map.of("menuId", UUID.randomUUID().toString(),
                "name", "Hijacked", "price", "0.01"))
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.patch().uri("/api/catalog/items/{id}/availability", DemoIds.MARGHERITA).header(HttpHeaders.AUTHORIZATION, owner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("availability", "hidden")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, TestIdentity.bearer(DEMO_TENANT, UUID.randomUUID(),
                        Role.STAFF)).exchange()
                .expectBody().jsonPath("$.menus[0].items[?(@.name == 'Margherita')].availability").isEqualTo("available");
    }

    @Test
    void aWhatsAppNumberAlreadyUsedByAnotherBusinessIsRefusedWithoutSayingWhose() {
        // given: the demo restaurant's branch owns this phone number id
        // when / then
        post("/api/catalog/branches", owner, Map.of("name", "Copycat", "whatsappPhoneNumberId", DEMO_PHONE_NUMBER_ID))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("already connected to a business")
                        .doesNotContain(DEMO_TENANT.toString(), "Trattoria", "branches_whatsapp", "duplicate key"));
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, owner).exchange()
                .expectBody().jsonPath("$.branches.length()").isEqualTo(0);
    }

    @Test
    void aHolidayAddedInTheDashboardReachesTheSnapshot() {
        // given
        createMenu();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.CATALOG_SNAPSHOTS)) {
            // when
            post("/api/catalog/hour-overrides", owner, Map.of("date", "2026-12-25", "closed", true, "note", "Christmas"))
                    .expectStatus().isCreated();

            // then
            Predicate<ConsumerRecord<String, byte[]>> withHoliday = r -> tenant.toString().equals(r.key())
                    && body(r).contains("Christmas");
            ConsumerRecord<String, byte[]> record = probe.pollUntil(withHoliday, ARRIVAL).stream().filter(withHoliday)
                    .findFirst().orElseThrow();
            JsonNode override = JSON.readTree(body(record)).path("hourOverrides").get(0);
            assertThat(override.path("date").asString()).isEqualTo("2026-12-25");
            assertThat(override.path("closed").asBoolean()).isTrue();
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.catalog.snapshot.published");
        }
    }

    @Test
    void anotherBusinessCannotDeleteAHoliday() {
        // given: this business's holiday
        String location = post("/api/catalog/hour-overrides", owner, Map.of("date", "2026-12-26", "closed", true))
                .expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().getPath();
        String stranger = TestIdentity.bearer(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER);

        // when / then: invisible to another business, so not found (not a silent 204), and still there
        http.delete().uri(location).header(HttpHeaders.AUTHORIZATION, stranger).exchange().expectStatus().isNotFound();
        http.delete().uri(location).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isNoContent();
        http.delete().uri(location).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPhotoIsStoredThroughTheObjectStoreOnlyItsUrlInSqlAndWrongFilesAreRefused() {
        // given
        String menuId = createMenu();
        String itemId = JSON.readTree(post("/api/catalog/items", owner, manoushe(menuId)).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()).path("id").asString();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        // when
        String url = JSON.readTree(upload(itemId, png, "photo.png").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).path("imageUrl").asString();

        // then
        assertThat(url).startsWith("http://localhost:8084/media/" + tenant + "/items/" + itemId + "/").endsWith(".png");
        http.get().uri(url.substring("http://localhost:8084".length())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).isEqualTo(png);
        http.get().uri("/api/catalog").header(HttpHeaders.AUTHORIZATION, owner).exchange()
                .expectBody().jsonPath("$.menus[0].items[0].imageUrl").isEqualTo(url);
        upload(itemId, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "photo.png")
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] huge = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(png, 0, huge, 0, png.length);
        upload(itemId, huge, "huge.png").expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec upload(String itemId, byte[] bytes, String filename) {
        var parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.IMAGE_PNG);
        return http.post().uri("/api/catalog/items/{id}/image", itemId).header(HttpHeaders.AUTHORIZATION, owner)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
