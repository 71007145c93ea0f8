package io.dinechat.order.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.CatalogSnapshot;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import io.dinechat.testing.EventContract;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The snapshot's wire form against its published schema, including every optional part left empty. */
class CatalogSnapshotJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.fromString("0b8c1f5e-2f7a-4d0e-9a57-3e2b1c4d5e6f");
    private static final UUID HAMRA = UUID.fromString("11111111-2222-4333-8444-555555555555");

    @Test
    void aSnapshotWithBranchHoursNullsAndAHiddenItemIsWrittenInTheContractShape() {
        // given
        Item manakish = new Item(UUID.randomUUID(), "Manakish za'atar", null, new BigDecimal("3.5"), Item.AVAILABLE,
                List.of("breakfast"), List.of("gluten", "sesame"), true, 1);
        Item soldOut = new Item(UUID.randomUUID(), "Knefeh", "Warm cheese pastry", new BigDecimal("6"),
                Item.OUT_OF_STOCK, null, null, false, 2);
        Item staffOnly = new Item(UUID.randomUUID(), "Staff lunch", null, BigDecimal.ZERO, Item.HIDDEN, null, null,
                false, 3);
        Catalog catalog = new Catalog(
                new Business(TENANT, "Café Hamra", "cafe", "arabizi", "Asia/Beirut", "LBP",
                        new Business.Settings(false, true, true, false)),
                List.of(new Branch(HAMRA, "Hamra", new Address("Beirut", null, null, null, null, null, null), null, null,
                        null, null, true)),
                List.of(OpeningHours.closedAllDay(UUID.randomUUID(), null, DayOfWeek.SUNDAY),
                        OpeningHours.open(UUID.randomUUID(), HAMRA, DayOfWeek.FRIDAY, LocalTime.of(7, 30),
                                LocalTime.of(2, 0))),
                List.of(new Policy(UUID.randomUUID(), HAMRA, "custom", null, "No laptops after 18:00.")),
                List.of(new Menu(UUID.randomUUID(), "All day", null, false, List.of(HAMRA),
                        List.of(manakish, soldOut, staffOnly))));

        // when
        byte[] body = CatalogSnapshotJson.write(JSON, new CatalogSnapshot(7, Instant.parse("2026-11-23T10:15:30.123Z"),
                catalog));

        // then
        EventContract.assertValid(CatalogSnapshots.PUBLISHED, body);
        JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        assertThat(json.path("tenantId").asString()).isEqualTo(TENANT.toString());
        assertThat(json.path("version").isNumber()).isTrue();
        assertThat(json.path("version").asLong()).isEqualTo(7);
        assertThat(json.path("publishedAt").asString()).isEqualTo("2026-11-23T10:15:30.123Z");
        assertThat(json.path("business").path("settings").path("allowOnSite").asBoolean(true)).isFalse();
        JsonNode branch = json.path("branches").get(0);
        assertThat(branch.path("minOrderValue").isNull()).isTrue();
        assertThat(branch.path("whatsappPhoneNumberId").isNull()).isTrue();
        assertThat(branch.path("address").path("latitude").isNull()).isTrue();
        JsonNode sunday = json.path("openingHours").get(0);
        assertThat(sunday.path("branchId").isNull()).isTrue();
        assertThat(sunday.path("dayOfWeek").asString()).isEqualTo("SUNDAY");
        assertThat(sunday.path("closed").asBoolean()).isTrue();
        assertThat(sunday.path("opensAt").isNull()).isTrue();
        JsonNode friday = json.path("openingHours").get(1);
        assertThat(friday.path("branchId").asString()).isEqualTo(HAMRA.toString());
        assertThat(friday.path("opensAt").asString()).isEqualTo("07:30");
        assertThat(friday.path("closesAt").asString()).isEqualTo("02:00");
        assertThat(json.path("policies").get(0).path("title").isNull()).isTrue();
        JsonNode items = json.path("menus").get(0).path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("price").asString()).isEqualTo("3.50");
        assertThat(items.get(1).path("price").asString()).isEqualTo("6.00");
        assertThat(items.get(1).path("availability").asString()).isEqualTo("out_of_stock");
        assertThat(items.get(1).path("tags").isArray()).isTrue();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Staff lunch");
    }

    @Test
    void optionGroupsHourOverridesAndBranchDeliveryRulesAreWrittenForTheAssistantToMatch() {
        // given
        UUID menuId = UUID.randomUUID();
        UUID large = UUID.randomUUID();
        Item pizza = new Item(UUID.randomUUID(), "Margherita", null, new BigDecimal("12.50"), new BigDecimal("3.10"),
                Item.AVAILABLE, List.of(), List.of(), List.of("tomato"), false, 1, 12, "https://img/x.jpg", List.of(
                        new OptionGroup(UUID.randomUUID(), "Size", "size", true, 0, 1, List.of(
                                new ItemOption(UUID.randomUUID(), "Small", new BigDecimal("-1.5"), true),
                                new ItemOption(large, "Large", new BigDecimal("4"), false)))));
        Branch hamra = new Branch(HAMRA, "Hamra", null, null, null, null, null, true,
                new DeliveryFee(new BigDecimal("2"), new BigDecimal("40"), null), new BigDecimal("3.5"), null);
        Catalog catalog = new Catalog(new Business(TENANT, "Café Hamra", "cafe", "english", "Asia/Beirut", "USD",
                Business.Settings.everything()), List.of(hamra), List.of(),
                List.of(new HourOverride(UUID.randomUUID(), null, LocalDate.of(2026, 12, 25), true, null, null, "Christmas"),
                        new HourOverride(UUID.randomUUID(), HAMRA, LocalDate.of(2026, 12, 31), false, LocalTime.of(20, 0),
                                LocalTime.of(3, 0), "New Year's Eve")),
                List.of(), List.of(new Menu(menuId, "All day", null, false, List.of(HAMRA), List.of(pizza))));

        // when
        byte[] body = CatalogSnapshotJson.write(JSON, new CatalogSnapshot(3, Instant.now(), catalog));

        // then
        EventContract.assertValid(CatalogSnapshots.PUBLISHED, body);
        JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        JsonNode branch = json.path("branches").get(0);
        assertThat(branch.path("deliveryFee").path("base").asString()).isEqualTo("2.00");
        assertThat(branch.path("deliveryFee").path("freeAbove").asString()).isEqualTo("40.00");
        assertThat(branch.path("deliveryFee").path("perKm").isNull()).isTrue();
        assertThat(branch.path("serviceRadiusKm").asDouble()).isEqualTo(3.5);
        assertThat(branch.path("menuIds").get(0).asString()).isEqualTo(menuId.toString());
        JsonNode christmas = json.path("hourOverrides").get(0);
        assertThat(christmas.path("date").asString()).isEqualTo("2026-12-25");
        assertThat(christmas.path("closed").asBoolean()).isTrue();
        assertThat(christmas.path("branchId").isNull()).isTrue();
        JsonNode newYear = json.path("hourOverrides").get(1);
        assertThat(newYear.path("closesAt").asString()).isEqualTo("03:00");
        assertThat(newYear.path("branchId").asString()).isEqualTo(HAMRA.toString());
        JsonNode item = json.path("menus").get(0).path("items").get(0);
        assertThat(item.path("preparationTimeMinutes").asInt()).isEqualTo(12);
        JsonNode size = item.path("optionGroups").get(0);
        assertThat(size.path("kind").asString()).isEqualTo("size");
        assertThat(size.path("required").asBoolean()).isTrue();
        assertThat(size.path("minChoices").asInt()).isEqualTo(1);
        assertThat(size.path("options").get(0).path("priceDelta").asString()).isEqualTo("-1.50");
        assertThat(size.path("options").get(1).path("id").asString()).isEqualTo(large.toString());
        assertThat(size.path("options").get(1).path("available").asBoolean(true)).isFalse();
        // The cost is the owner's business, never the guest's.
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("3.10", "cost");
    }

    @Test
    void theSchemaRefusesANumericPriceAHiddenItemAndAMissingVersion() {
        // given
        Catalog catalog = new Catalog(new Business(TENANT, "Café Hamra", "cafe", "english", "Asia/Beirut", "USD",
                Business.Settings.everything()), List.of(), List.of(), List.of(),
                List.of(new Menu(UUID.randomUUID(), "All day", null, false, List.of(),
                        List.of(new Item(UUID.randomUUID(), "Espresso", null, new BigDecimal("2.00"), Item.AVAILABLE,
                                null, null, false, 1)))));
        ObjectNode valid = CatalogSnapshotJson.toNode(JSON, new CatalogSnapshot(1, Instant.now(), catalog));
        ObjectNode numericPrice = valid.deepCopy();
        ((ObjectNode) numericPrice.path("menus").get(0).path("items").get(0)).put("price", 2.0);
        ObjectNode hidden = valid.deepCopy();
        ((ObjectNode) hidden.path("menus").get(0).path("items").get(0)).put("availability", "hidden");
        ObjectNode noVersion = valid.deepCopy();
        noVersion.remove("version");

        // when / then
        assertThat(EventContract.violations(CatalogSnapshots.PUBLISHED, JSON.writeValueAsBytes(valid))).isEmpty();
        assertThat(EventContract.violations(CatalogSnapshots.PUBLISHED, JSON.writeValueAsBytes(numericPrice))).isNotEmpty();
        assertThat(EventContract.violations(CatalogSnapshots.PUBLISHED, JSON.writeValueAsBytes(hidden))).isNotEmpty();
        assertThat(EventContract.violations(CatalogSnapshots.PUBLISHED, JSON.writeValueAsBytes(noVersion))).isNotEmpty();
    }
}
