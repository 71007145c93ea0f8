package io.dinechat.conversation.understanding.snapshot;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.CatalogFacts.Branch;
import io.dinechat.conversation.understanding.CatalogFacts.DailyHours;
import io.dinechat.conversation.understanding.CatalogFacts.HourOverride;
import io.dinechat.conversation.understanding.CatalogFacts.MenuItem;
import io.dinechat.conversation.understanding.CatalogFacts.Option;
import io.dinechat.conversation.understanding.CatalogFacts.OptionGroup;
import io.dinechat.conversation.understanding.CatalogFacts.Policy;
import io.dinechat.conversation.understanding.CatalogFacts.Settings;
import io.dinechat.conversation.understanding.Language;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a catalog snapshot ({@code io.dinechat.catalog.snapshot.published}, the JSON order-service
 * publishes on {@code catalog.snapshots.v1}) into {@link CatalogFacts}. It lives outside the
 * understanding package because that package is plain Java (see UnderstandingArchitectureTests);
 * this is the one adapter that knows Jackson. Later additions to the snapshot ({@code optionGroups}
 * on items, top-level {@code hourOverrides}) are read when present; unknown fields are ignored.
 */
public final class CatalogSnapshotReader {

    private CatalogSnapshotReader() {
    }

    public static CatalogFacts read(JsonNode snapshot) {
        JsonNode business = snapshot.path("business");
        JsonNode s = business.path("settings");
        Settings settings = new Settings(s.path("allowScheduledOrders").asBoolean(true), s.path("allowDelivery").asBoolean(true),
                s.path("allowTakeaway").asBoolean(true), s.path("allowOnSite").asBoolean(true));

        List<Branch> branches = new ArrayList<>();
        for (JsonNode b : snapshot.path("branches")) {
            JsonNode address = b.path("address");
            branches.add(new Branch(uuid(b.path("id")), b.path("name").asString(""), text(address.path("city")),
                    text(address.path("street")), text(b.path("whatsappPhoneNumberId")), money(b.path("minOrderValue")),
                    b.path("avgPreparationTimeMinutes").isNumber() ? b.path("avgPreparationTimeMinutes").asInt() : null));
        }

        List<MenuItem> items = new ArrayList<>();
        for (JsonNode menu : snapshot.path("menus")) {
            List<UUID> branchIds = new ArrayList<>();
            for (JsonNode id : menu.path("branchIds")) {
                branchIds.add(uuid(id));
            }
            for (JsonNode item : menu.path("items")) {
                List<OptionGroup> groups = new ArrayList<>();
                for (JsonNode g : item.path("optionGroups")) {
                    List<Option> options = new ArrayList<>();
                    for (JsonNode o : g.path("options")) {
                        BigDecimal delta = money(o.path("priceDelta"));
                        options.add(new Option(uuid(o.path("id")), o.path("name").asString(""),
                                delta == null ? BigDecimal.ZERO : delta, o.path("available").asBoolean(true)));
                    }
                    groups.add(new OptionGroup(uuid(g.path("id")), g.path("name").asString(""), g.path("kind").asString("other"),
                            g.path("required").asBoolean(false), g.path("minChoices").asInt(0), g.path("maxChoices").asInt(0),
                            options));
                }
                items.add(new MenuItem(uuid(item.path("id")), item.path("name").asString(""), text(item.path("description")),
                        money(item.path("price")), !"out_of_stock".equals(item.path("availability").asString("available")),
                        strings(item.path("tags")), strings(item.path("allergens")), text(menu.path("name")), branchIds,
                        groups));
            }
        }

        List<DailyHours> hours = new ArrayList<>();
        for (JsonNode h : snapshot.path("openingHours")) {
            boolean closed = h.path("closed").asBoolean(false);
            hours.add(new DailyHours(uuid(h.path("branchId")),
                    DayOfWeek.valueOf(h.path("dayOfWeek").asString("MONDAY").toUpperCase(Locale.ROOT)),
                    closed ? null : time(h.path("opensAt")), closed ? null : time(h.path("closesAt")), closed));
        }

        List<HourOverride> overrides = new ArrayList<>();
        for (JsonNode o : snapshot.path("hourOverrides")) {
            boolean closed = o.path("closed").asBoolean(false);
            try {
                overrides.add(new HourOverride(uuid(o.path("branchId")), LocalDate.parse(o.path("date").asString()), closed,
                        closed ? null : time(o.path("opensAt")), closed ? null : time(o.path("closesAt")), text(o.path("note"))));
            } catch (DateTimeException e) {
                // a malformed override must not hide the rest of the catalog
            }
        }

        List<Policy> policies = new ArrayList<>();
        for (JsonNode p : snapshot.path("policies")) {
            policies.add(new Policy(uuid(p.path("branchId")), p.path("type").asString("custom"), text(p.path("title")),
                    p.path("description").asString("")));
        }

        ZoneId zone;
        try {
            zone = ZoneId.of(business.path("timeZone").asString("UTC"));
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        return new CatalogFacts(business.path("name").asString(""),
                Language.fromWireName(business.path("defaultLanguage").asString(null)).orElse(Language.ENGLISH), zone,
                business.path("currency").asString(""), settings, branches, items, hours, overrides, policies);
    }

    private static UUID uuid(JsonNode node) {
        return node == null || !node.isString() ? null : UUID.fromString(node.asString());
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }

    private static BigDecimal money(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : new BigDecimal(node.asString());
    }

    private static LocalTime time(JsonNode node) {
        return node == null || !node.isString() ? null : LocalTime.parse(node.asString());
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            out.add(n.asString());
        }
        return out;
    }
}
