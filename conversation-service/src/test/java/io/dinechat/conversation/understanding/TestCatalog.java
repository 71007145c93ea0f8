package io.dinechat.conversation.understanding;

import io.dinechat.conversation.understanding.CatalogFacts.Branch;
import io.dinechat.conversation.understanding.CatalogFacts.DailyHours;
import io.dinechat.conversation.understanding.CatalogFacts.HourOverride;
import io.dinechat.conversation.understanding.CatalogFacts.MenuItem;
import io.dinechat.conversation.understanding.CatalogFacts.Option;
import io.dinechat.conversation.understanding.CatalogFacts.OptionGroup;
import io.dinechat.conversation.understanding.CatalogFacts.Policy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Lebanese restaurant with two branches, the catalog the utterance tables in
 * {@code src/test/resources/understanding/} are written against. Ids are derived from names so the
 * tables can name items and options.
 */
final class TestCatalog {

    static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2025, 11, 19);
    static final UUID HAMRA = id("branch:Hamra");
    static final UUID JOUNIEH = id("branch:Jounieh");

    static final CatalogFacts CATALOG = build();

    private TestCatalog() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static UUID item(String name) {
        return id("item:" + name);
    }

    static UUID option(String item, String option) {
        return id("option:" + item + ":" + option);
    }

    private static List<OptionGroup> shawarmaOptions(String item) {
        return List.of(
                new OptionGroup(id("group:" + item + ":size"), "Size", "size", false, 0, 1, List.of(
                        new Option(option(item, "Small"), "Small", BigDecimal.ZERO, true),
                        new Option(option(item, "Large"), "Large", new BigDecimal("2.00"), true))),
                new OptionGroup(id("group:" + item + ":extras"), "Extras", "addon", false, 0, 3, List.of(
                        new Option(option(item, "Extra garlic"), "Extra garlic", new BigDecimal("0.50"), true),
                        new Option(option(item, "Fries"), "Fries", new BigDecimal("1.50"), true),
                        new Option(option(item, "Pickles"), "Pickles", BigDecimal.ZERO, true))));
    }

    private static MenuItem item(String name, String price, String menu, List<OptionGroup> options, boolean available) {
        return new MenuItem(item(name), name, null, new BigDecimal(price), available, List.of(), List.of(), menu, List.of(),
                options);
    }

    private static CatalogFacts build() {
        List<MenuItem> items = new ArrayList<>();
        items.add(item("Chicken Shawarma", "6.50", "Mains", shawarmaOptions("Chicken Shawarma"), true));
        items.add(item("Beef Shawarma", "7.00", "Mains", shawarmaOptions("Beef Shawarma"), true));
        items.add(item("Falafel Sandwich", "3.50", "Mains", List.of(), true));
        items.add(item("Margherita Pizza", "9.00", "Mains", List.of(
                new OptionGroup(id("group:pizza:size"), "Size", "size", true, 1, 1, List.of(
                        new Option(option("Margherita Pizza", "Medium"), "Medium (30 cm)", BigDecimal.ZERO, true),
                        new Option(option("Margherita Pizza", "Large"), "Large (40 cm)", new BigDecimal("3.00"), true))),
                new OptionGroup(id("group:pizza:extras"), "Extras", "extra", false, 0, 2, List.of(
                        new Option(option("Margherita Pizza", "Extra cheese"), "Extra cheese", new BigDecimal("1.50"), true),
                        new Option(option("Margherita Pizza", "Extra halloumi"), "Extra halloumi", new BigDecimal("2.00"), true)))),
                true));
        items.add(item("Halloumi", "6.00", "Mezze", List.of(), true)); // also an extra on the pizza
        items.add(item("Manoushe Zaatar", "2.50", "Bakery", List.of(), true));
        items.add(item("Hummus", "4.00", "Mezze", List.of(), true));
        items.add(item("Fattoush", "5.00", "Mezze", List.of(), true));
        items.add(item("Tabbouleh", "5.00", "Mezze", List.of(), true));
        items.add(item("Coca-Cola", "1.50", "Drinks", List.of(), true));
        items.add(item("Fresh Lemonade", "3.00", "Drinks", List.of(), false));
        items.add(item("Knefeh", "4.50", "Desserts", List.of(), true));

        List<DailyHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day == DayOfWeek.MONDAY) {
                hours.add(new DailyHours(null, day, null, null, true));
            } else {
                hours.add(new DailyHours(null, day, LocalTime.of(12, 0), LocalTime.of(23, 0), false));
            }
        }
        hours.add(new DailyHours(JOUNIEH, DayOfWeek.FRIDAY, LocalTime.of(12, 0), LocalTime.of(1, 0), false));
        List<HourOverride> overrides = List.of(
                new HourOverride(null, LocalDate.of(2025, 11, 22), false, LocalTime.of(18, 0), LocalTime.of(23, 30),
                        "Independence Day"),
                new HourOverride(null, LocalDate.of(2025, 12, 25), true, null, null, "Christmas"));
        List<Policy> policies = List.of(
                new Policy(null, "delivery", "Delivery", "Free delivery above 20 USD within 3 km of the branch."),
                new Policy(null, "cancellation", null, "Please cancel at least 2 hours ahead."),
                new Policy(JOUNIEH, "custom", "Parking", "Valet parking at the Jounieh branch."));
        List<Branch> branches = List.of(
                new Branch(HAMRA, "Hamra", "Beirut", "Hamra Street", "1001", new BigDecimal("10.00"), 20),
                new Branch(JOUNIEH, "Jounieh", "Jounieh", "Maameltein Highway", null, null, 25));
        return new CatalogFacts("Beit Zaatar", Language.ENGLISH, BEIRUT, "USD", CatalogFacts.Settings.ALL, branches, items,
                hours, overrides, policies);
    }
}
