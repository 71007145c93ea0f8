package io.dinechat.order.catalog.persistence;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A business's catalog in PostgreSQL. Every method runs inside the business's tenant transaction
 * ({@code TenantTransactions}); row-level security hides and protects every other business's rows,
 * and the explicit {@code tenant_id} conditions only help the planner.
 *
 * <p>The {@code save*} methods are upserts on the row's id that leave an identical row untouched:
 * each returns how many rows it really changed, so a caller can tell "nothing new" from an edit.
 */
@Repository
public class CatalogStore {

    /** Monday first, the order of {@link DayOfWeek}; used to sort hours the way people read them. */
    private static final String DAY_ORDER = "array_position(array['monday','tuesday','wednesday','thursday','friday',"
            + "'saturday','sunday'], %s)";

    private final DatabaseClient db;

    public CatalogStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> saveBusiness(Business business) {
        var settings = business.settings();
        return db.sql("""
                insert into businesses (tenant_id, name, business_type, default_language, time_zone, currency,
                                        allow_scheduled_orders, allow_delivery, allow_takeaway, allow_on_site)
                values (:tenant, :name, :type, :language, :zone, :currency, :scheduled, :delivery, :takeaway, :onSite)
                on conflict (tenant_id) do update
                   set name = excluded.name, business_type = excluded.business_type,
                       default_language = excluded.default_language, time_zone = excluded.time_zone,
                       currency = excluded.currency, allow_scheduled_orders = excluded.allow_scheduled_orders,
                       allow_delivery = excluded.allow_delivery, allow_takeaway = excluded.allow_takeaway,
                       allow_on_site = excluded.allow_on_site, deleted_at = null, updated_at = now()
                 where (businesses.name, businesses.business_type, businesses.default_language, businesses.time_zone,
                        businesses.currency, businesses.allow_scheduled_orders, businesses.allow_delivery,
                        businesses.allow_takeaway, businesses.allow_on_site, businesses.deleted_at)
                       is distinct from
                       (excluded.name, excluded.business_type, excluded.default_language, excluded.time_zone,
                        excluded.currency, excluded.allow_scheduled_orders, excluded.allow_delivery,
                        excluded.allow_takeaway, excluded.allow_on_site, null::timestamptz)
                """)
                .bind("tenant", business.tenantId())
                .bind("name", business.name())
                .bind("type", business.type())
                .bind("language", business.defaultLanguage())
                .bind("zone", business.timeZone())
                .bind("currency", business.currency())
                .bind("scheduled", settings.allowScheduledOrders())
                .bind("delivery", settings.allowDelivery())
                .bind("takeaway", settings.allowTakeaway())
                .bind("onSite", settings.allowOnSite())
                .fetch().rowsUpdated();
    }

    public Mono<Long> saveBranch(UUID tenantId, Branch branch) {
        Address a = branch.address();
        var upsert = db.sql("""
                insert into branches (id, tenant_id, name, city, street, building, floor, notes, latitude, longitude,
                                      contact_phone_number, whatsapp_phone_number_id, min_order_value,
                                      avg_preparation_time_minutes, is_active)
                values (:id, :tenant, :name, :city, :street, :building, :floor, :notes, :latitude, :longitude,
                        :contact, :whatsapp, :minOrder, :prep, :active)
                on conflict (id) do update
                   set name = excluded.name, city = excluded.city, street = excluded.street,
                       building = excluded.building, floor = excluded.floor, notes = excluded.notes,
                       latitude = excluded.latitude, longitude = excluded.longitude,
                       contact_phone_number = excluded.contact_phone_number,
                       whatsapp_phone_number_id = excluded.whatsapp_phone_number_id,
                       min_order_value = excluded.min_order_value,
                       avg_preparation_time_minutes = excluded.avg_preparation_time_minutes,
                       is_active = excluded.is_active, deleted_at = null, updated_at = now()
                 where (branches.name, branches.city, branches.street, branches.building, branches.floor, branches.notes,
                        branches.latitude, branches.longitude, branches.contact_phone_number,
                        branches.whatsapp_phone_number_id, branches.min_order_value,
                        branches.avg_preparation_time_minutes, branches.is_active, branches.deleted_at)
                       is distinct from
                       (excluded.name, excluded.city, excluded.street, excluded.building, excluded.floor, excluded.notes,
                        excluded.latitude, excluded.longitude, excluded.contact_phone_number,
                        excluded.whatsapp_phone_number_id, excluded.min_order_value,
                        excluded.avg_preparation_time_minutes, excluded.is_active, null::timestamptz)
                """)
                .bind("id", branch.id())
                .bind("tenant", tenantId)
                .bind("name", branch.name())
                .bind("active", branch.active());
        upsert = nullable(upsert, "city", a.city(), String.class);
        upsert = nullable(upsert, "street", a.street(), String.class);
        upsert = nullable(upsert, "building", a.building(), String.class);
        upsert = nullable(upsert, "floor", a.floor(), String.class);
        upsert = nullable(upsert, "notes", a.notes(), String.class);
        upsert = nullable(upsert, "latitude", a.latitude(), BigDecimal.class);
        upsert = nullable(upsert, "longitude", a.longitude(), BigDecimal.class);
        upsert = nullable(upsert, "contact", branch.contactPhoneNumber(), String.class);
        upsert = nullable(upsert, "whatsapp", branch.whatsappPhoneNumberId(), String.class);
        upsert = nullable(upsert, "minOrder", branch.minOrderValue(), BigDecimal.class);
        upsert = nullable(upsert, "prep", branch.avgPreparationTimeMinutes(), Integer.class);
        return upsert.fetch().rowsUpdated();
    }

    public Mono<Long> saveOpeningHours(UUID tenantId, OpeningHours hours) {
        var upsert = db.sql("""
                insert into opening_hours (id, tenant_id, branch_id, day_of_week, opens_at, closes_at, is_closed)
                values (:id, :tenant, :branch, :day, :opens, :closes, :closed)
                on conflict (id) do update
                   set branch_id = excluded.branch_id, day_of_week = excluded.day_of_week,
                       opens_at = excluded.opens_at, closes_at = excluded.closes_at, is_closed = excluded.is_closed,
                       updated_at = now()
                 where (opening_hours.branch_id, opening_hours.day_of_week, opening_hours.opens_at,
                        opening_hours.closes_at, opening_hours.is_closed)
                       is distinct from
                       (excluded.branch_id, excluded.day_of_week, excluded.opens_at, excluded.closes_at, excluded.is_closed)
                """)
                .bind("id", hours.id())
                .bind("tenant", tenantId)
                .bind("day", hours.day().name().toLowerCase(Locale.ROOT))
                .bind("closed", hours.closed());
        upsert = nullable(upsert, "branch", hours.branchId(), UUID.class);
        upsert = nullable(upsert, "opens", hours.opensAt(), LocalTime.class);
        upsert = nullable(upsert, "closes", hours.closesAt(), LocalTime.class);
        return upsert.fetch().rowsUpdated();
    }

    public Mono<Long> savePolicy(UUID tenantId, Policy policy) {
        var upsert = db.sql("""
                insert into policies (id, tenant_id, branch_id, policy_type, title, description)
                values (:id, :tenant, :branch, :type, :title, :description)
                on conflict (id) do update
                   set branch_id = excluded.branch_id, policy_type = excluded.policy_type, title = excluded.title,
                       description = excluded.description, updated_at = now()
                 where (policies.branch_id, policies.policy_type, policies.title, policies.description)
                       is distinct from (excluded.branch_id, excluded.policy_type, excluded.title, excluded.description)
                """)
                .bind("id", policy.id())
                .bind("tenant", tenantId)
                .bind("type", policy.type())
                .bind("description", policy.description());
        upsert = nullable(upsert, "branch", policy.branchId(), UUID.class);
        upsert = nullable(upsert, "title", policy.title(), String.class);
        return upsert.fetch().rowsUpdated();
    }

    /** Saves the menu itself and attaches it to its branches; its items are saved one by one with {@link #saveItem}. */
    public Mono<Long> saveMenu(UUID tenantId, Menu menu) {
        var upsert = db.sql("""
                insert into menus (id, tenant_id, name, description, is_shared, is_active)
                values (:id, :tenant, :name, :description, :shared, true)
                on conflict (id) do update
                   set name = excluded.name, description = excluded.description, is_shared = excluded.is_shared,
                       is_active = true, deleted_at = null, updated_at = now()
                 where (menus.name, menus.description, menus.is_shared, menus.is_active, menus.deleted_at)
                       is distinct from (excluded.name, excluded.description, excluded.is_shared, true, null::timestamptz)
                """)
                .bind("id", menu.id())
                .bind("tenant", tenantId)
                .bind("name", menu.name())
                .bind("shared", menu.shared());
        upsert = nullable(upsert, "description", menu.description(), String.class);
        Mono<Long> attachments = reactor.core.publisher.Flux.fromIterable(menu.branchIds())
                .concatMap(branchId -> db.sql("""
                        insert into branch_menus (id, tenant_id, branch_id, menu_id) values (:id, :tenant, :branch, :menu)
                        on conflict (branch_id, menu_id) do nothing
                        """)
                        .bind("id", UUID.randomUUID())
                        .bind("tenant", tenantId)
                        .bind("branch", branchId)
                        .bind("menu", menu.id())
                        .fetch().rowsUpdated())
                .reduce(0L, Long::sum);
        return upsert.fetch().rowsUpdated().flatMap(saved -> attachments.map(attached -> saved + attached));
    }

    public Mono<Long> saveItem(UUID tenantId, UUID menuId, Item item) {
        var upsert = db.sql("""
                insert into items (id, tenant_id, menu_id, name, description, price, availability, tags, allergens,
                                   is_featured, sort_order)
                values (:id, :tenant, :menu, :name, :description, :price, :availability, :tags, :allergens,
                        :featured, :sortOrder)
                on conflict (id) do update
                   set menu_id = excluded.menu_id, name = excluded.name, description = excluded.description,
                       price = excluded.price, availability = excluded.availability, tags = excluded.tags,
                       allergens = excluded.allergens, is_featured = excluded.is_featured,
                       sort_order = excluded.sort_order, updated_at = now()
                 where (items.menu_id, items.name, items.description, items.price, items.availability, items.tags,
                        items.allergens, items.is_featured, items.sort_order)
                       is distinct from
                       (excluded.menu_id, excluded.name, excluded.description, excluded.price, excluded.availability,
                        excluded.tags, excluded.allergens, excluded.is_featured, excluded.sort_order)
                """)
                .bind("id", item.id())
                .bind("tenant", tenantId)
                .bind("menu", menuId)
                .bind("name", item.name())
                .bind("price", item.price())
                .bind("availability", item.availability())
                .bind("tags", item.tags().toArray(String[]::new))
                .bind("allergens", item.allergens().toArray(String[]::new))
                .bind("featured", item.featured())
                .bind("sortOrder", item.sortOrder());
        upsert = nullable(upsert, "description", item.description(), String.class);
        return upsert.fetch().rowsUpdated();
    }

    /** Soft delete: past orders still name the item, guests no longer see it. */
    public Mono<Long> deleteItem(UUID tenantId, UUID itemId) {
        return db.sql("update items set deleted_at = now(), updated_at = now() where tenant_id = :tenant and id = :id and deleted_at is null")
                .bind("tenant", tenantId).bind("id", itemId)
                .fetch().rowsUpdated();
    }

    /**
     * What guests may see of the business now: no deleted or inactive branches and menus (nor the
     * hours, policies and menu links of such branches), no deleted or hidden items. Empty when the
     * business does not exist or was deleted.
     */
    public Mono<Catalog> load(UUID tenantId) {
        return business(tenantId).flatMap(business -> branches(tenantId)
                .flatMap(branches -> openingHours(tenantId)
                        .flatMap(hours -> policies(tenantId)
                                .flatMap(policies -> menus(tenantId)
                                        .map(menus -> new Catalog(business, branches, hours, policies, menus))))));
    }

    private Mono<Business> business(UUID tenantId) {
        return db.sql("""
                select tenant_id, name, business_type, default_language, time_zone, currency, allow_scheduled_orders,
                       allow_delivery, allow_takeaway, allow_on_site
                from businesses where tenant_id = :tenant and deleted_at is null
                """)
                .bind("tenant", tenantId)
                .map(row -> new Business(row.get("tenant_id", UUID.class), row.get("name", String.class),
                        row.get("business_type", String.class), row.get("default_language", String.class),
                        row.get("time_zone", String.class), row.get("currency", String.class),
                        new Business.Settings(flag(row.get("allow_scheduled_orders", Boolean.class)),
                                flag(row.get("allow_delivery", Boolean.class)), flag(row.get("allow_takeaway", Boolean.class)),
                                flag(row.get("allow_on_site", Boolean.class)))))
                .one();
    }

    private Mono<List<Branch>> branches(UUID tenantId) {
        return db.sql("""
                select id, name, city, street, building, floor, notes, latitude, longitude, contact_phone_number,
                       whatsapp_phone_number_id, min_order_value, avg_preparation_time_minutes, is_active
                from branches where tenant_id = :tenant and deleted_at is null and is_active
                order by name, id
                """)
                .bind("tenant", tenantId)
                .map(row -> new Branch(row.get("id", UUID.class), row.get("name", String.class),
                        new Address(row.get("city", String.class), row.get("street", String.class),
                                row.get("building", String.class), row.get("floor", String.class),
                                row.get("notes", String.class), row.get("latitude", BigDecimal.class),
                                row.get("longitude", BigDecimal.class)),
                        row.get("contact_phone_number", String.class), row.get("whatsapp_phone_number_id", String.class),
                        row.get("min_order_value", BigDecimal.class), row.get("avg_preparation_time_minutes", Integer.class),
                        flag(row.get("is_active", Boolean.class))))
                .all().collectList();
    }

    private Mono<List<OpeningHours>> openingHours(UUID tenantId) {
        return db.sql("""
                select h.id, h.branch_id, h.day_of_week, h.opens_at, h.closes_at, h.is_closed
                from opening_hours h left join branches b on b.id = h.branch_id
                where h.tenant_id = :tenant and (h.branch_id is null or (b.deleted_at is null and b.is_active))
                order by h.branch_id nulls first, %s, h.opens_at nulls first, h.id
                """.formatted(DAY_ORDER.formatted("h.day_of_week")))
                .bind("tenant", tenantId)
                .map(row -> new OpeningHours(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        DayOfWeek.valueOf(row.get("day_of_week", String.class).toUpperCase(Locale.ROOT)),
                        row.get("opens_at", LocalTime.class), row.get("closes_at", LocalTime.class),
                        flag(row.get("is_closed", Boolean.class))))
                .all().collectList();
    }

    private Mono<List<Policy>> policies(UUID tenantId) {
        return db.sql("""
                select p.id, p.branch_id, p.policy_type, p.title, p.description
                from policies p left join branches b on b.id = p.branch_id
                where p.tenant_id = :tenant and (p.branch_id is null or (b.deleted_at is null and b.is_active))
                order by p.branch_id nulls first, p.policy_type, p.title nulls first, p.id
                """)
                .bind("tenant", tenantId)
                .map(row -> new Policy(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        row.get("policy_type", String.class), row.get("title", String.class),
                        row.get("description", String.class)))
                .all().collectList();
    }

    private Mono<List<Menu>> menus(UUID tenantId) {
        Mono<List<MenuRow>> menus = db.sql("""
                select id, name, description, is_shared from menus
                where tenant_id = :tenant and deleted_at is null and is_active
                order by name, id
                """)
                .bind("tenant", tenantId)
                .map(row -> new MenuRow(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("description", String.class), flag(row.get("is_shared", Boolean.class))))
                .all().collectList();
        Mono<List<UUID[]>> links = db.sql("""
                select bm.menu_id, bm.branch_id from branch_menus bm join branches b on b.id = bm.branch_id
                where bm.tenant_id = :tenant and b.deleted_at is null and b.is_active
                order by b.name, b.id
                """)
                .bind("tenant", tenantId)
                .map(row -> new UUID[] {row.get("menu_id", UUID.class), row.get("branch_id", UUID.class)})
                .all().collectList();
        Mono<List<ItemRow>> items = db.sql("""
                select id, menu_id, name, description, price, availability, tags, allergens, is_featured, sort_order
                from items
                where tenant_id = :tenant and deleted_at is null and availability <> 'hidden'
                order by sort_order, name, id
                """)
                .bind("tenant", tenantId)
                .map(row -> new ItemRow(row.get("menu_id", UUID.class), new Item(row.get("id", UUID.class),
                        row.get("name", String.class), row.get("description", String.class),
                        row.get("price", BigDecimal.class), row.get("availability", String.class),
                        strings(row.get("tags", String[].class)), strings(row.get("allergens", String[].class)),
                        flag(row.get("is_featured", Boolean.class)), row.get("sort_order", Integer.class))))
                .all().collectList();
        // One connection per transaction: the three queries run one after the other.
        return menus.flatMap(m -> links.flatMap(l -> items.map(i -> assemble(m, l, i))));
    }

    private static List<Menu> assemble(List<MenuRow> menus, List<UUID[]> links, List<ItemRow> items) {
        Map<UUID, List<UUID>> branchesOf = new LinkedHashMap<>();
        links.forEach(link -> branchesOf.computeIfAbsent(link[0], k -> new ArrayList<>()).add(link[1]));
        Map<UUID, List<Item>> itemsOf = new LinkedHashMap<>();
        items.forEach(row -> itemsOf.computeIfAbsent(row.menuId(), k -> new ArrayList<>()).add(row.item()));
        return menus.stream()
                .map(m -> new Menu(m.id(), m.name(), m.description(), m.shared(), branchesOf.getOrDefault(m.id(), List.of()),
                        itemsOf.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record MenuRow(UUID id, String name, String description, boolean shared) {
    }

    private record ItemRow(UUID menuId, Item item) {
    }
}
