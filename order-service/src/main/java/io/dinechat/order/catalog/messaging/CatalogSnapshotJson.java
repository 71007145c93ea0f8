package io.dinechat.order.catalog.messaging;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.CatalogSnapshot;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of {@code io.dinechat.catalog.snapshot.published}, written field by field so the
 * contract (event-schemas) never follows a Java rename. Prices and minimum order values are
 * decimal strings ("12.50"): a JSON number would invite binary floating point on the reading side.
 */
final class CatalogSnapshotJson {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private CatalogSnapshotJson() {
    }

    static byte[] write(JsonMapper json, CatalogSnapshot snapshot) {
        return json.writeValueAsBytes(toNode(json, snapshot));
    }

    static ObjectNode toNode(JsonMapper json, CatalogSnapshot snapshot) {
        var catalog = snapshot.catalog();
        ObjectNode root = json.createObjectNode()
                .put("tenantId", snapshot.tenantId().toString())
                .put("version", snapshot.version())
                .put("publishedAt", snapshot.publishedAt().toString());
        business(root.putObject("business"), catalog.business());
        ArrayNode branches = root.putArray("branches");
        catalog.branches().forEach(b -> branch(branches.addObject(), b, catalog.menusOf(b.id())));
        ArrayNode hours = root.putArray("openingHours");
        catalog.openingHours().forEach(h -> hours(hours.addObject(), h));
        ArrayNode overrides = root.putArray("hourOverrides");
        catalog.hourOverrides().forEach(o -> override(overrides.addObject(), o));
        ArrayNode policies = root.putArray("policies");
        catalog.policies().forEach(p -> policy(policies.addObject(), p));
        ArrayNode menus = root.putArray("menus");
        catalog.menus().forEach(m -> menu(menus.addObject(), m));
        return root;
    }

    private static void business(ObjectNode node, Business business) {
        node.put("name", business.name())
                .put("type", business.type())
                .put("defaultLanguage", business.defaultLanguage())
                .put("timeZone", business.timeZone())
                .put("currency", business.currency());
        var settings = business.settings();
        node.putObject("settings")
                .put("allowScheduledOrders", settings.allowScheduledOrders())
                .put("allowDelivery", settings.allowDelivery())
                .put("allowTakeaway", settings.allowTakeaway())
                .put("allowOnSite", settings.allowOnSite());
    }

    private static void branch(ObjectNode node, Branch branch, List<Menu> menus) {
        node.put("id", branch.id().toString())
                .put("name", branch.name())
                .put("contactPhoneNumber", branch.contactPhoneNumber())
                .put("whatsappPhoneNumberId", branch.whatsappPhoneNumberId())
                .put("minOrderValue", money(branch.minOrderValue()))
                .put("avgPreparationTimeMinutes", branch.avgPreparationTimeMinutes());
        Address a = branch.address();
        node.putObject("address")
                .put("city", a.city())
                .put("street", a.street())
                .put("building", a.building())
                .put("floor", a.floor())
                .put("notes", a.notes())
                .put("latitude", a.latitude())
                .put("longitude", a.longitude());
        DeliveryFee fee = branch.deliveryFee();
        if (fee == null) {
            node.putNull("deliveryFee");
        } else {
            node.putObject("deliveryFee")
                    .put("base", money(fee.base()))
                    .put("freeAbove", money(fee.freeAbove()))
                    .put("perKm", money(fee.perKm()));
        }
        node.put("serviceRadiusKm", branch.serviceRadiusKm());
        ArrayNode menuIds = node.putArray("menuIds");
        menus.forEach(m -> menuIds.add(m.id().toString()));
    }

    private static void override(ObjectNode node, HourOverride override) {
        node.put("branchId", id(override.branchId()))
                .put("date", override.date().toString())
                .put("closed", override.closed())
                .put("opensAt", time(override.opensAt()))
                .put("closesAt", time(override.closesAt()))
                .put("note", override.note());
    }

    private static void hours(ObjectNode node, OpeningHours hours) {
        node.put("branchId", id(hours.branchId()))
                .put("dayOfWeek", hours.day().name())
                .put("opensAt", time(hours.opensAt()))
                .put("closesAt", time(hours.closesAt()))
                .put("closed", hours.closed());
    }

    private static void policy(ObjectNode node, Policy policy) {
        node.put("branchId", id(policy.branchId()))
                .put("type", policy.type())
                .put("title", policy.title())
                .put("description", policy.description());
    }

    private static void menu(ObjectNode node, Menu menu) {
        node.put("id", menu.id().toString())
                .put("name", menu.name())
                .put("description", menu.description());
        ArrayNode branchIds = node.putArray("branchIds");
        menu.branchIds().forEach(id -> branchIds.add(id.toString()));
        ArrayNode items = node.putArray("items");
        menu.items().forEach(i -> item(items.addObject(), i));
    }

    private static void item(ObjectNode node, Item item) {
        node.put("id", item.id().toString())
                .put("name", item.name())
                .put("description", item.description())
                .put("price", money(item.price()))
                .put("availability", item.availability());
        ArrayNode tags = node.putArray("tags");
        item.tags().forEach(tags::add);
        ArrayNode allergens = node.putArray("allergens");
        item.allergens().forEach(allergens::add);
        node.put("featured", item.featured());
        node.put("preparationTimeMinutes", item.preparationTimeMinutes());
        ArrayNode groups = node.putArray("optionGroups");
        item.optionGroups().forEach(g -> {
            ObjectNode group = groups.addObject()
                    .put("id", g.id().toString())
                    .put("name", g.name())
                    .put("kind", g.kind())
                    .put("required", g.required())
                    .put("minChoices", g.minChoices())
                    .put("maxChoices", g.maxChoices());
            ArrayNode options = group.putArray("options");
            g.options().forEach(o -> options.addObject()
                    .put("id", o.id().toString())
                    .put("name", o.name())
                    .put("priceDelta", signedMoney(o.priceDelta()))
                    .put("available", o.available()));
        });
    }

    private static String signedMoney(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    private static String time(LocalTime time) {
        return time == null ? null : HOURS.format(time);
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
