package io.dinechat.order.config;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import io.dinechat.order.catalog.messaging.CatalogRepublisher;
import io.dinechat.order.catalog.messaging.CatalogSnapshots;
import io.dinechat.order.catalog.persistence.CatalogStore;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Local stack only ({@code DINECHAT_DEMO_ENABLED=true}): the catalog of the demo restaurant, the
 * business conversation-service's demo number belongs to, so a newcomer can ask about the menu and
 * hours at once. Never a migration: production has no demo. Idempotent: rows have fixed ids
 * (derived from the tenant id) and are upserted; a snapshot is published, in the same transaction,
 * only when something changed, and the {@link CatalogRepublisher} (which runs after this) covers a
 * business that was never published.
 */
@Component
@ConditionalOnProperty(name = "dinechat.demo.enabled", havingValue = "true")
@Order(CatalogRepublisher.ORDER - 100)
class DemoRestaurant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRestaurant.class);

    private final CatalogStore store;
    private final CatalogSnapshots snapshots;
    private final TenantTransactions tenants;
    private final Settings demo;

    DemoRestaurant(CatalogStore store, CatalogSnapshots snapshots, TenantTransactions tenants, Settings demo) {
        this.store = store;
        this.snapshots = snapshots;
        this.tenants = tenants;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long version = tenants.inTenant(demo.tenantId(), this::seed).block(Duration.ofSeconds(30));
        if (version == null || version == 0) {
            log.info("Demo restaurant {} already up to date", demo.tenantId());
        } else {
            log.info("Demo restaurant {} seeded; catalog snapshot version {} published", demo.tenantId(), version);
        }
    }

    /** @return the published snapshot version, or 0 when the demo was already there unchanged */
    private Mono<Long> seed() {
        UUID tenant = demo.tenantId();
        UUID branch = id("branch:mar-mikhael");
        UUID menu = id("menu:della-casa");
        Business business = new Business(tenant, "Trattoria Aurora", "restaurant", "english", "Asia/Beirut", "USD",
                Business.Settings.everything());
        Branch marMikhael = new Branch(branch, "Aurora — Mar Mikhael",
                new Address("Beirut", "Armenia Street", "Aurora Building", "Ground floor",
                        "Opposite the Mar Mikhael stairs, two minutes from the old train station",
                        new BigDecimal("33.89640000"), new BigDecimal("35.52250000")),
                "+961 1 555 010", demo.phoneNumberId(), new BigDecimal("15.00"), 25, true,
                new DeliveryFee(new BigDecimal("2.00"), new BigDecimal("40.00"), null), new BigDecimal("3.00"), null);
        List<OpeningHours> hours = List.of(
                OpeningHours.closedAllDay(id("hours:monday"), null, DayOfWeek.MONDAY),
                open(DayOfWeek.TUESDAY, "12:00", "23:00"),
                open(DayOfWeek.WEDNESDAY, "12:00", "23:00"),
                open(DayOfWeek.THURSDAY, "12:00", "23:00"),
                open(DayOfWeek.FRIDAY, "12:00", "01:00"),
                open(DayOfWeek.SATURDAY, "12:00", "01:00"),
                open(DayOfWeek.SUNDAY, "12:00", "22:00"));
        List<Policy> policies = List.of(
                new Policy(id("policy:cancellation"), null, "cancellation", "Cancellations",
                        "Orders can be cancelled free of charge until the kitchen starts preparing them. Table "
                                + "bookings can be cancelled up to 2 hours before the booked time."),
                new Policy(id("policy:delivery"), null, "delivery", "Delivery",
                        "We deliver to Mar Mikhael, Gemmayzeh and Achrafieh (within 3 km) from 12:00 until one hour "
                                + "before closing. Minimum order $15.00; delivery takes about 40 minutes; the fee is $2.00."));
        List<Item> items = List.of(
                item("burrata", "Burrata", "Apulian burrata, heirloom tomatoes, basil oil", "14.00", Item.AVAILABLE,
                        List.of("starter", "vegetarian"), List.of("milk"), true, 10),
                item("arancini", "Arancini", "Saffron rice balls filled with mozzarella and peas", "9.00", Item.AVAILABLE,
                        List.of("starter", "vegetarian"), List.of("gluten", "milk", "egg"), false, 20),
                withPizzaOptions(item("margherita", "Margherita", "San Marzano tomato, fior di latte, fresh basil",
                        "12.50", Item.AVAILABLE, List.of("pizza", "vegetarian"), List.of("gluten", "milk"), true, 30)),
                item("diavola", "Diavola", "Tomato, mozzarella, spicy Calabrian salami", "14.50", Item.AVAILABLE,
                        List.of("pizza", "spicy"), List.of("gluten", "milk"), false, 40),
                item("tagliatelle-ragu", "Tagliatelle al ragù", "Fresh egg tagliatelle, slow-cooked beef and pork ragù",
                        "16.00", Item.AVAILABLE, List.of("pasta"), List.of("gluten", "egg", "celery"), true, 50),
                item("cacio-e-pepe", "Cacio e pepe", "Tonnarelli, pecorino romano, toasted black pepper", "13.00",
                        Item.OUT_OF_STOCK, List.of("pasta", "vegetarian"), List.of("gluten", "milk"), false, 60),
                item("tiramisu", "Tiramisù", "Mascarpone, espresso-soaked savoiardi, cocoa", "7.50", Item.AVAILABLE,
                        List.of("dessert"), List.of("gluten", "milk", "egg"), false, 70),
                item("limonata", "Limonata", "House-made lemonade with fresh mint", "4.00", Item.AVAILABLE,
                        List.of("drink", "vegan"), List.of(), false, 80),
                // Staff only until the truffle season starts: never shown to guests.
                item("tagliolini-tartufo", "Tagliolini al tartufo nero", "Seasonal: black truffle, butter, parmigiano",
                        "24.00", Item.HIDDEN, List.of("pasta", "seasonal"), List.of("gluten", "milk", "egg"), false, 90));
        Menu dellaCasa = new Menu(menu, "Menu della casa", "Roman trattoria classics, served all day", true,
                List.of(branch), items);

        Mono<Long> changes = store.saveBusiness(business)
                .flatMap(b -> store.saveBranch(tenant, marMikhael).map(n -> b + n))
                .flatMap(n -> Flux.fromIterable(hours).concatMap(h -> store.saveOpeningHours(tenant, h))
                        .reduce(n, Long::sum))
                .flatMap(n -> Flux.fromIterable(policies).concatMap(p -> store.savePolicy(tenant, p))
                        .reduce(n, Long::sum))
                .flatMap(n -> store.saveMenu(tenant, dellaCasa).map(m -> n + m))
                .flatMap(n -> Flux.fromIterable(items).concatMap(i -> store.saveItem(tenant, menu, i))
                        .reduce(n, Long::sum));
        return changes.flatMap(changed -> changed > 0 ? snapshots.publishWithin(tenant) : Mono.just(0L));
    }

    private OpeningHours open(DayOfWeek day, String opens, String closes) {
        return OpeningHours.open(id("hours:" + day.name().toLowerCase(java.util.Locale.ROOT)), null, day,
                LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Size (required) and extras for a pizza, so the demo shows options and their price deltas. */
    private Item withPizzaOptions(Item pizza) {
        String key = "options:" + pizza.name();
        return pizza.withOptionGroups(List.of(
                new OptionGroup(id(key + ":size"), "Size", "size", true, 1, 1, List.of(
                        new ItemOption(id(key + ":size:regular"), "Regular (30 cm)", BigDecimal.ZERO, true),
                        new ItemOption(id(key + ":size:large"), "Large (40 cm)", new BigDecimal("4.00"), true))),
                new OptionGroup(id(key + ":extras"), "Extras", "extra", false, 0, 3, List.of(
                        new ItemOption(id(key + ":extras:burrata"), "Extra burrata", new BigDecimal("3.50"), true),
                        new ItemOption(id(key + ":extras:nduja"), "Spicy 'nduja", new BigDecimal("2.00"), true),
                        new ItemOption(id(key + ":extras:anchovies"), "Anchovies", new BigDecimal("1.50"), false)))));
    }

    private Item item(String key, String name, String description, String price, String availability, List<String> tags,
            List<String> allergens, boolean featured, int sortOrder) {
        return new Item(id("item:" + key), name, description, new BigDecimal(price), availability, tags, allergens,
                featured, sortOrder);
    }

    /** Stable per tenant: the same demo row on every start, and two demo tenants never share an id. */
    private UUID id(String name) {
        return UUID.nameUUIDFromBytes((demo.tenantId() + ":demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    @ConfigurationProperties("dinechat.demo")
    record Settings(@DefaultValue("false") boolean enabled,
            @DefaultValue("6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11") UUID tenantId,
            @DefaultValue("100000000000001") String phoneNumberId) {
    }
}
