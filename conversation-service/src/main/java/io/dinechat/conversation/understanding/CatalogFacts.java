package io.dinechat.conversation.understanding;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the assistant may say about a business and match a guest's words against, taken from
 * the latest catalog snapshot ({@code catalog.snapshots.v1}) and never invented. Built by
 * {@code understanding.snapshot.CatalogSnapshotReader} from the snapshot JSON, or directly in tests.
 *
 * @param defaultLanguage the language a conversation starts in when the first message is unclear
 * @param items           every listed item of every active menu, in display order (out-of-stock included)
 * @param hours           weekly hours; business-wide entries have a null branch id; several per day allowed
 * @param hourOverrides   holidays and special hours by date; they win over {@code hours}
 */
public record CatalogFacts(String businessName, Language defaultLanguage, ZoneId timeZone, String currency,
        Settings settings, List<Branch> branches, List<MenuItem> items, List<DailyHours> hours,
        List<HourOverride> hourOverrides, List<Policy> policies) {

    public CatalogFacts {
        businessName = businessName == null ? "" : businessName;
        defaultLanguage = defaultLanguage == null ? Language.ENGLISH : defaultLanguage;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        currency = currency == null ? "" : currency;
        settings = settings == null ? Settings.ALL : settings;
        branches = branches == null ? List.of() : List.copyOf(branches);
        items = items == null ? List.of() : List.copyOf(items);
        hours = hours == null ? List.of() : List.copyOf(hours);
        hourOverrides = hourOverrides == null ? List.of() : List.copyOf(hourOverrides);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** A business the assistant knows nothing about yet (no snapshot received). */
    public static CatalogFacts empty() {
        return new CatalogFacts("", Language.ENGLISH, ZoneId.of("UTC"), "", Settings.ALL, List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    /** Which fulfilments the business offers. */
    public record Settings(boolean allowScheduledOrders, boolean allowDelivery, boolean allowTakeaway,
            boolean allowOnSite) {

        public static final Settings ALL = new Settings(true, true, true, true);

        public boolean allows(Fulfilment fulfilment) {
            return switch (fulfilment) {
                case DELIVERY -> allowDelivery;
                case TAKEAWAY -> allowTakeaway;
                case ON_SITE -> allowOnSite;
            };
        }
    }

    /** An active branch; {@code area} is its city/street as guests would name it ("Hamra", "Jounieh"). */
    public record Branch(UUID id, String name, String city, String street, String whatsappPhoneNumberId,
            BigDecimal minOrderValue, Integer avgPreparationTimeMinutes) {
    }

    /**
     * A dish or drink. {@code branchIds} are the branches whose menus list it (empty: all);
     * {@code menuName} the menu it came from ("Lunch", "Drinks").
     */
    public record MenuItem(UUID id, String name, String description, BigDecimal price, boolean available,
            List<String> tags, List<String> allergens, String menuName, List<UUID> branchIds,
            List<OptionGroup> optionGroups) {

        public MenuItem {
            tags = tags == null ? List.of() : List.copyOf(tags);
            allergens = allergens == null ? List.of() : List.copyOf(allergens);
            branchIds = branchIds == null ? List.of() : List.copyOf(branchIds);
            optionGroups = optionGroups == null ? List.of() : List.copyOf(optionGroups);
        }

        /** A plain available item without options, for tests and demos. */
        public static MenuItem simple(UUID id, String name, String price) {
            return new MenuItem(id, name, null, new BigDecimal(price), true, List.of(), List.of(), null, List.of(),
                    List.of());
        }

        public Optional<Option> option(UUID optionId) {
            return optionGroups.stream().flatMap(g -> g.options().stream()).filter(o -> o.id().equals(optionId))
                    .findFirst();
        }
    }

    /** Choices on an item; {@code kind} is size, addon, extra or other. */
    public record OptionGroup(UUID id, String name, String kind, boolean required, int minChoices, int maxChoices,
            List<Option> options) {

        public OptionGroup {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** One choice; {@code priceDelta} is added to the item's price (zero when free). */
    public record Option(UUID id, String name, BigDecimal priceDelta, boolean available) {
    }

    /** Hours for one day of the week; {@code closes} before {@code opens} means past midnight. */
    public record DailyHours(UUID branchId, DayOfWeek day, LocalTime opens, LocalTime closes, boolean closed) {
    }

    /** A holiday or special opening on one date. */
    public record HourOverride(UUID branchId, LocalDate date, boolean closed, LocalTime opens, LocalTime closes,
            String note) {
    }

    /** A house rule; {@code type} is delivery, refund, cancellation or custom. */
    public record Policy(UUID branchId, String type, String title, String description) {
    }

    public Optional<MenuItem> item(UUID id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * The opening intervals on a date for a branch (null: the business). Overrides of the date win
     * over weekly hours — the branch's own, else the business-wide ones (a public holiday closes every
     * branch) — then the branch's weekly hours, then the business's. Empty when closed that day.
     */
    public List<DailyHours> hoursOn(LocalDate date, UUID branchId) {
        UUID[] owners = branchId == null ? new UUID[] {null} : new UUID[] {branchId, null};
        for (UUID owner : owners) {
            List<HourOverride> overrides = hourOverrides.stream()
                    .filter(o -> o.date().equals(date) && java.util.Objects.equals(o.branchId(), owner)).toList();
            if (!overrides.isEmpty()) {
                return overrides.stream().filter(o -> !o.closed())
                        .map(o -> new DailyHours(owner, date.getDayOfWeek(), o.opens(), o.closes(), false)).toList();
            }
        }
        for (UUID owner : owners) {
            List<DailyHours> weekly = hours.stream()
                    .filter(h -> h.day() == date.getDayOfWeek() && java.util.Objects.equals(h.branchId(), owner))
                    .toList();
            if (!weekly.isEmpty()) {
                return weekly.stream().filter(h -> !h.closed()).toList();
            }
        }
        return List.of();
    }

    /** The special-hours entry for a date, if any ("Christmas"); the branch's own first. */
    public Optional<HourOverride> overrideOn(LocalDate date, UUID branchId) {
        Optional<HourOverride> own = branchId == null ? Optional.empty() : hourOverrides.stream()
                .filter(o -> o.date().equals(date) && branchId.equals(o.branchId())).findFirst();
        return own.or(() -> hourOverrides.stream().filter(o -> o.date().equals(date) && o.branchId() == null).findFirst());
    }
}
