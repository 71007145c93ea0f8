package io.dinechat.order.catalog.persistence;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
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
import reactor.core.publisher.Flux;
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
                                      avg_preparation_time_minutes, is_active, whatsapp_phone_number, service_radius_km,
                                      delivery_fee_base, delivery_fee_free_above, delivery_fee_per_km)
                values (:id, :tenant, :name, :city, :street, :building, :floor, :notes, :latitude, :longitude,
                        :contact, :whatsapp, :minOrder, :prep, :active, :whatsappNumber, :radius, :feeBase, :feeFreeAbove,
                        :feePerKm)
                on conflict (id) do update
                   set name = excluded.name, city = excluded.city, street = excluded.street,
                       building = excluded.building, floor = excluded.floor, notes = excluded.notes,
                       latitude = excluded.latitude, longitude = excluded.longitude,
                       contact_phone_number = excluded.contact_phone_number,
                       whatsapp_phone_number_id = excluded.whatsapp_phone_number_id,
                       min_order_value = excluded.min_order_value,
                       avg_preparation_time_minutes = excluded.avg_preparation_time_minutes,
                       is_active = excluded.is_active, whatsapp_phone_number = excluded.whatsapp_phone_number,
                       service_radius_km = excluded.service_radius_km, delivery_fee_base = excluded.delivery_fee_base,
                       delivery_fee_free_above = excluded.delivery_fee_free_above,
                       delivery_fee_per_km = excluded.delivery_fee_per_km, deleted_at = null, updated_at = now()
                 where (branches.name, branches.city, branches.street, branches.building, branches.floor, branches.notes,
                        branches.latitude, branches.longitude, branches.contact_phone_number,
                        branches.whatsapp_phone_number_id, branches.min_order_value,
                        branches.avg_preparation_time_minutes, branches.is_active, branches.whatsapp_phone_number,
                        branches.service_radius_km, branches.delivery_fee_base, branches.delivery_fee_free_above,
                        branches.delivery_fee_per_km, branches.deleted_at)
                       is distinct from
                       (excluded.name, excluded.city, excluded.street, excluded.building, excluded.floor, excluded.notes,
                        excluded.latitude, excluded.longitude, excluded.contact_phone_number,
                        excluded.whatsapp_phone_number_id, excluded.min_order_value,
                        excluded.avg_preparation_time_minutes, excluded.is_active, excluded.whatsapp_phone_number,
                        excluded.service_radius_km, excluded.delivery_fee_base, excluded.delivery_fee_free_above,
                        excluded.delivery_fee_per_km, null::timestamptz)
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
        upsert = nullable(upsert, "whatsappNumber", branch.whatsappPhoneNumber(), String.class);
        upsert = nullable(upsert, "radius", branch.serviceRadiusKm(), BigDecimal.class);
        DeliveryFee fee = branch.deliveryFee();
        upsert = nullable(upsert, "feeBase", fee == null ? null : fee.base(), BigDecimal.class);
        upsert = nullable(upsert, "feeFreeAbove", fee == null ? null : fee.freeAbove(), BigDecimal.class);
        upsert = nullable(upsert, "feePerKm", fee == null ? null : fee.perKm(), BigDecimal.class);
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
        Mono<Long> detachments = db.sql("delete from branch_menus where menu_id = :menu and not (branch_id = any(:keep))")
                .bind("menu", menu.id()).bind("keep", menu.branchIds().toArray(UUID[]::new))
                .fetch().rowsUpdated();
        Mono<Long> attachments = Flux.fromIterable(menu.branchIds())
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
        return upsert.fetch().rowsUpdated().flatMap(saved -> detachments.flatMap(detached -> attachments
                .map(attached -> saved + detached + attached)));
    }

    public Mono<Long> saveItem(UUID tenantId, UUID menuId, Item item) {
        var upsert = db.sql("""
                insert into items (id, tenant_id, menu_id, name, description, price, cost, availability, tags, allergens,
                                   ingredients, is_featured, sort_order, preparation_time_minutes, image_url)
                values (:id, :tenant, :menu, :name, :description, :price, :cost, :availability, :tags, :allergens,
                        :ingredients, :featured, :sortOrder, :prep, :image)
                on conflict (id) do update
                   set menu_id = excluded.menu_id, name = excluded.name, description = excluded.description,
                       price = excluded.price, cost = excluded.cost, availability = excluded.availability,
                       tags = excluded.tags, allergens = excluded.allergens, ingredients = excluded.ingredients,
                       is_featured = excluded.is_featured, sort_order = excluded.sort_order,
                       preparation_time_minutes = excluded.preparation_time_minutes, image_url = excluded.image_url,
                       deleted_at = null, updated_at = now()
                 where (items.menu_id, items.name, items.description, items.price, items.cost, items.availability,
                        items.tags, items.allergens, items.ingredients, items.is_featured, items.sort_order,
                        items.preparation_time_minutes, items.image_url, items.deleted_at)
                       is distinct from
                       (excluded.menu_id, excluded.name, excluded.description, excluded.price, excluded.cost,
                        excluded.availability, excluded.tags, excluded.allergens, excluded.ingredients,
                        excluded.is_featured, excluded.sort_order, excluded.preparation_time_minutes, excluded.image_url,
                        null::timestamptz)
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
                .bind("sortOrder", item.sortOrder())
                .bind("ingredients", item.ingredients().toArray(String[]::new));
        upsert = nullable(upsert, "description", item.description(), String.class);
        upsert = nullable(upsert, "cost", item.cost(), BigDecimal.class);
        upsert = nullable(upsert, "prep", item.preparationTimeMinutes(), Integer.class);
        upsert = nullable(upsert, "image", item.imageUrl(), String.class);
        return upsert.fetch().rowsUpdated().flatMap(saved -> saveOptionGroups(tenantId, item).map(g -> saved + g));
    }

    /**
     * Makes the item's option groups exactly the given ones (upserted by id, the others removed).
     * @return how many rows changed
     */
    public Mono<Long> saveOptionGroups(UUID tenantId, Item item) {
        UUID[] keepGroups = item.optionGroups().stream().map(OptionGroup::id).toArray(UUID[]::new);
        UUID[] keepOptions = item.optionGroups().stream().flatMap(g -> g.options().stream()).map(ItemOption::id)
                .toArray(UUID[]::new);
        Mono<Long> removeOptions = db.sql("""
                delete from item_options o using item_option_groups g
                where o.group_id = g.id and g.item_id = :item and not (o.id = any(:keep))
                """).bind("item", item.id()).bind("keep", keepOptions).fetch().rowsUpdated();
        Mono<Long> removeGroups = db.sql("delete from item_option_groups where item_id = :item and not (id = any(:keep))")
                .bind("item", item.id()).bind("keep", keepGroups).fetch().rowsUpdated();
        List<Mono<Long>> upserts = new ArrayList<>();
        int groupOrder = 0;
        for (OptionGroup g : item.optionGroups()) {
            upserts.add(db.sql("""
                    insert into item_option_groups (id, tenant_id, item_id, name, kind, is_required, min_choices,
                                                    max_choices, sort_order)
                    values (:id, :tenant, :item, :name, :kind, :required, :min, :max, :sort)
                    on conflict (id) do update
                       set name = excluded.name, kind = excluded.kind, is_required = excluded.is_required,
                           min_choices = excluded.min_choices, max_choices = excluded.max_choices,
                           sort_order = excluded.sort_order, updated_at = now()
                     where item_option_groups.item_id = excluded.item_id
                       and (item_option_groups.name, item_option_groups.kind, item_option_groups.is_required,
                            item_option_groups.min_choices, item_option_groups.max_choices, item_option_groups.sort_order)
                           is distinct from
                           (excluded.name, excluded.kind, excluded.is_required, excluded.min_choices,
                            excluded.max_choices, excluded.sort_order)
                    """)
                    .bind("id", g.id()).bind("tenant", tenantId).bind("item", item.id()).bind("name", g.name())
                    .bind("kind", g.kind()).bind("required", g.required()).bind("min", g.minChoices())
                    .bind("max", g.maxChoices()).bind("sort", groupOrder++)
                    .fetch().rowsUpdated());
            int optionOrder = 0;
            for (ItemOption o : g.options()) {
                upserts.add(db.sql("""
                        insert into item_options (id, tenant_id, group_id, name, price_delta, is_available, sort_order)
                        values (:id, :tenant, :group, :name, :delta, :available, :sort)
                        on conflict (id) do update
                           set group_id = excluded.group_id, name = excluded.name, price_delta = excluded.price_delta,
                               is_available = excluded.is_available, sort_order = excluded.sort_order, updated_at = now()
                         where (item_options.group_id, item_options.name, item_options.price_delta,
                                item_options.is_available, item_options.sort_order)
                               is distinct from
                               (excluded.group_id, excluded.name, excluded.price_delta, excluded.is_available,
                                excluded.sort_order)
                        """)
                        .bind("id", o.id()).bind("tenant", tenantId).bind("group", g.id()).bind("name", o.name())
                        .bind("delta", o.priceDelta()).bind("available", o.available()).bind("sort", optionOrder++)
                        .fetch().rowsUpdated());
            }
        }
        return removeOptions.flatMap(a -> removeGroups.map(b -> a + b))
                .flatMap(removed -> Flux.concat(upserts).reduce(removed, Long::sum));
    }

    public Mono<Long> saveHourOverride(UUID tenantId, HourOverride override) {
        var upsert = db.sql("""
                insert into hour_overrides (id, tenant_id, branch_id, override_date, is_closed, opens_at, closes_at, note)
                values (:id, :tenant, :branch, :date, :closed, :opens, :closes, :note)
                on conflict (id) do update
                   set branch_id = excluded.branch_id, override_date = excluded.override_date,
                       is_closed = excluded.is_closed, opens_at = excluded.opens_at, closes_at = excluded.closes_at,
                       note = excluded.note, updated_at = now()
                 where (hour_overrides.branch_id, hour_overrides.override_date, hour_overrides.is_closed,
                        hour_overrides.opens_at, hour_overrides.closes_at, hour_overrides.note)
                       is distinct from
                       (excluded.branch_id, excluded.override_date, excluded.is_closed, excluded.opens_at,
                        excluded.closes_at, excluded.note)
                """)
                .bind("id", override.id())
                .bind("tenant", tenantId)
                .bind("date", override.date())
                .bind("closed", override.closed());
        upsert = nullable(upsert, "branch", override.branchId(), UUID.class);
        upsert = nullable(upsert, "opens", override.opensAt(), LocalTime.class);
        upsert = nullable(upsert, "closes", override.closesAt(), LocalTime.class);
        upsert = nullable(upsert, "note", override.note(), String.class);
        return upsert.fetch().rowsUpdated();
    }

    /** Soft delete of a branch: its orders keep pointing at it; guests and the snapshot no longer see it. */
    public Mono<Long> deleteBranch(UUID branchId) {
        return db.sql("update branches set deleted_at = now(), is_active = false, updated_at = now() where id = :id and deleted_at is null")
                .bind("id", branchId).fetch().rowsUpdated();
    }

    /** Makes the weekly hours of the business (branchId null) or of one branch exactly these. */
    public Mono<Long> replaceOpeningHours(UUID tenantId, UUID branchId, List<OpeningHours> hours) {
        Mono<Long> removed = (branchId == null
                ? db.sql("delete from opening_hours where branch_id is null")
                : db.sql("delete from opening_hours where branch_id = :branch").bind("branch", branchId))
                .fetch().rowsUpdated();
        return removed.flatMap(n -> Flux.fromIterable(hours).concatMap(h -> saveOpeningHours(tenantId, h))
                .reduce(n, Long::sum));
    }

    public Mono<Long> deleteHourOverride(UUID overrideId) {
        return db.sql("delete from hour_overrides where id = :id").bind("id", overrideId).fetch().rowsUpdated();
    }

    public Mono<Long> deletePolicy(UUID policyId) {
        return db.sql("delete from policies where id = :id").bind("id", policyId).fetch().rowsUpdated();
    }

    /** Soft delete of a menu; its items go with it (soft too), its branch links are removed. */
    public Mono<Long> deleteMenu(UUID menuId) {
        return db.sql("update menus set deleted_at = now(), is_active = false, updated_at = now() where id = :id and deleted_at is null")
                .bind("id", menuId).fetch().rowsUpdated()
                .flatMap(n -> db.sql("update items set deleted_at = now(), updated_at = now() where menu_id = :id and deleted_at is null")
                        .bind("id", menuId).fetch().rowsUpdated()
                        .then(db.sql("delete from branch_menus where menu_id = :id").bind("id", menuId).fetch().rowsUpdated())
                        .thenReturn(n));
    }

    public Mono<Long> setAvailability(UUID itemId, String availability) {
        return db.sql("update items set availability = :availability, updated_at = now() where id = :id and deleted_at is null and availability <> :availability")
                .bind("availability", availability).bind("id", itemId).fetch().rowsUpdated();
    }

    public Mono<Long> setImageUrl(UUID itemId, String url) {
        return db.sql("update items set image_url = :url, updated_at = now() where id = :id and deleted_at is null")
                .bind("url", url).bind("id", itemId).fetch().rowsUpdated();
    }

    /** The menu an item is on, if the item exists and is not deleted. */
    public Mono<UUID> menuOf(UUID itemId) {
        return db.sql("select menu_id from items where id = :id and deleted_at is null").bind("id", itemId)
                .map(row -> row.get("menu_id", UUID.class)).one();
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
        return load(tenantId, false);
    }

    /**
     * What staff may see and edit: also hidden items and inactive branches (never deleted rows).
     * Empty when the business does not exist.
     */
    public Mono<Catalog> loadForStaff(UUID tenantId) {
        return load(tenantId, true);
    }

    private Mono<Catalog> load(UUID tenantId, boolean staff) {
        return business(tenantId).flatMap(business -> branches(tenantId, staff)
                .flatMap(branches -> openingHours(tenantId, staff)
                        .flatMap(hours -> hourOverrides(tenantId, staff)
                                .flatMap(overrides -> policies(tenantId, staff)
                                        .flatMap(policies -> menus(tenantId, staff)
                                                .map(menus -> new Catalog(business, branches, hours, overrides,
                                                        policies, menus)))))));
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

    private Mono<List<Branch>> branches(UUID tenantId, boolean staff) {
        return db.sql(visible(staff, """
                select id, name, city, street, building, floor, notes, latitude, longitude, contact_phone_number,
                       whatsapp_phone_number_id, min_order_value, avg_preparation_time_minutes, is_active,
                       whatsapp_phone_number, service_radius_km, delivery_fee_base, delivery_fee_free_above,
                       delivery_fee_per_km
                from branches where tenant_id = :tenant and deleted_at is null and is_active
                order by name, id
                """))
                .bind("tenant", tenantId)
                .map(row -> new Branch(row.get("id", UUID.class), row.get("name", String.class),
                        new Address(row.get("city", String.class), row.get("street", String.class),
                                row.get("building", String.class), row.get("floor", String.class),
                                row.get("notes", String.class), row.get("latitude", BigDecimal.class),
                                row.get("longitude", BigDecimal.class)),
                        row.get("contact_phone_number", String.class), row.get("whatsapp_phone_number_id", String.class),
                        row.get("min_order_value", BigDecimal.class), row.get("avg_preparation_time_minutes", Integer.class),
                        flag(row.get("is_active", Boolean.class)),
                        deliveryFee(row.get("delivery_fee_base", BigDecimal.class),
                                row.get("delivery_fee_free_above", BigDecimal.class),
                                row.get("delivery_fee_per_km", BigDecimal.class)),
                        row.get("service_radius_km", BigDecimal.class), row.get("whatsapp_phone_number", String.class)))
                .all().collectList();
    }

    private static DeliveryFee deliveryFee(BigDecimal base, BigDecimal freeAbove, BigDecimal perKm) {
        return base == null && freeAbove == null && perKm == null ? null : new DeliveryFee(base, freeAbove, perKm);
    }

    /** Overrides from yesterday on (yesterday's may run past midnight into today), by date. */
    private Mono<List<HourOverride>> hourOverrides(UUID tenantId, boolean staff) {
        return db.sql(visible(staff, """
                select o.id, o.branch_id, o.override_date, o.is_closed, o.opens_at, o.closes_at, o.note
                from hour_overrides o left join branches b on b.id = o.branch_id
                where o.tenant_id = :tenant and o.override_date >= current_date - 1
                  and (o.branch_id is null or (b.deleted_at is null and b.is_active))
                order by o.override_date, o.branch_id nulls first, o.opens_at nulls first, o.id
                """))
                .bind("tenant", tenantId)
                .map(row -> new HourOverride(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        row.get("override_date", LocalDate.class), flag(row.get("is_closed", Boolean.class)),
                        row.get("opens_at", LocalTime.class), row.get("closes_at", LocalTime.class),
                        row.get("note", String.class)))
                .all().collectList();
    }

    private Mono<List<OpeningHours>> openingHours(UUID tenantId, boolean staff) {
        return db.sql(visible(staff, """
                select h.id, h.branch_id, h.day_of_week, h.opens_at, h.closes_at, h.is_closed
                from opening_hours h left join branches b on b.id = h.branch_id
                where h.tenant_id = :tenant and (h.branch_id is null or (b.deleted_at is null and b.is_active))
                order by h.branch_id nulls first, %s, h.opens_at nulls first, h.id
                """.formatted(DAY_ORDER.formatted("h.day_of_week"))))
                .bind("tenant", tenantId)
                .map(row -> new OpeningHours(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        DayOfWeek.valueOf(row.get("day_of_week", String.class).toUpperCase(Locale.ROOT)),
                        row.get("opens_at", LocalTime.class), row.get("closes_at", LocalTime.class),
                        flag(row.get("is_closed", Boolean.class))))
                .all().collectList();
    }

    private Mono<List<Policy>> policies(UUID tenantId, boolean staff) {
        return db.sql(visible(staff, """
                select p.id, p.branch_id, p.policy_type, p.title, p.description
                from policies p left join branches b on b.id = p.branch_id
                where p.tenant_id = :tenant and (p.branch_id is null or (b.deleted_at is null and b.is_active))
                order by p.branch_id nulls first, p.policy_type, p.title nulls first, p.id
                """))
                .bind("tenant", tenantId)
                .map(row -> new Policy(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        row.get("policy_type", String.class), row.get("title", String.class),
                        row.get("description", String.class)))
                .all().collectList();
    }

    private Mono<List<Menu>> menus(UUID tenantId, boolean staff) {
        Mono<List<MenuRow>> menus = db.sql(visible(staff, """
                select id, name, description, is_shared from menus
                where tenant_id = :tenant and deleted_at is null and is_active
                order by name, id
                """))
                .bind("tenant", tenantId)
                .map(row -> new MenuRow(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("description", String.class), flag(row.get("is_shared", Boolean.class))))
                .all().collectList();
        Mono<List<UUID[]>> links = db.sql(visible(staff, """
                select bm.menu_id, bm.branch_id from branch_menus bm join branches b on b.id = bm.branch_id
                where bm.tenant_id = :tenant and b.deleted_at is null and b.is_active
                order by b.name, b.id
                """))
                .bind("tenant", tenantId)
                .map(row -> new UUID[] {row.get("menu_id", UUID.class), row.get("branch_id", UUID.class)})
                .all().collectList();
        Mono<List<ItemRow>> items = db.sql(visible(staff, """
                select id, menu_id, name, description, price, cost, availability, tags, allergens, ingredients,
                       is_featured, sort_order, preparation_time_minutes, image_url
                from items
                where tenant_id = :tenant and deleted_at is null and availability <> 'hidden'
                order by sort_order, name, id
                """))
                .bind("tenant", tenantId)
                .map(row -> new ItemRow(row.get("menu_id", UUID.class), new Item(row.get("id", UUID.class),
                        row.get("name", String.class), row.get("description", String.class),
                        row.get("price", BigDecimal.class), row.get("cost", BigDecimal.class),
                        row.get("availability", String.class), strings(row.get("tags", String[].class)),
                        strings(row.get("allergens", String[].class)), strings(row.get("ingredients", String[].class)),
                        flag(row.get("is_featured", Boolean.class)), row.get("sort_order", Integer.class),
                        row.get("preparation_time_minutes", Integer.class), row.get("image_url", String.class),
                        List.of())))
                .all().collectList();
        // One connection per transaction: the queries run one after the other.
        return menus.flatMap(m -> links.flatMap(l -> items.flatMap(i -> optionGroups(tenantId)
                .map(groups -> assemble(m, l, withGroups(i, groups))))));
    }

    /** Every option group of the business with its options, by item id, in display order. */
    public Mono<Map<UUID, List<OptionGroup>>> optionGroups(UUID tenantId) {
        return db.sql("""
                select g.id as group_id, g.item_id, g.name as group_name, g.kind, g.is_required, g.min_choices,
                       g.max_choices, o.id as option_id, o.name as option_name, o.price_delta, o.is_available
                from item_option_groups g left join item_options o on o.group_id = g.id
                where g.tenant_id = :tenant
                order by g.item_id, g.sort_order, g.id, o.sort_order, o.id
                """)
                .bind("tenant", tenantId)
                .map(row -> new OptionRow(row.get("item_id", UUID.class), row.get("group_id", UUID.class),
                        row.get("group_name", String.class), row.get("kind", String.class),
                        flag(row.get("is_required", Boolean.class)), row.get("min_choices", Integer.class),
                        row.get("max_choices", Integer.class), row.get("option_id", UUID.class),
                        row.get("option_name", String.class), row.get("price_delta", BigDecimal.class),
                        flag(row.get("is_available", Boolean.class))))
                .all().collectList()
                .map(CatalogStore::groupsByItem);
    }

    private static Map<UUID, List<OptionGroup>> groupsByItem(List<OptionRow> rows) {
        Map<UUID, Map<UUID, List<OptionRow>>> byItem = new LinkedHashMap<>();
        rows.forEach(r -> byItem.computeIfAbsent(r.itemId(), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r));
        Map<UUID, List<OptionGroup>> result = new LinkedHashMap<>();
        byItem.forEach((item, groups) -> result.put(item, groups.values().stream().map(options -> {
            OptionRow g = options.get(0);
            List<ItemOption> opts = options.stream().filter(o -> o.optionId() != null)
                    .map(o -> new ItemOption(o.optionId(), o.optionName(), o.priceDelta(), o.available())).toList();
            return new OptionGroup(g.groupId(), g.groupName(), g.kind(), g.required(), g.min(), g.max(), opts);
        }).toList()));
        return result;
    }

    private static List<ItemRow> withGroups(List<ItemRow> items, Map<UUID, List<OptionGroup>> groups) {
        return items.stream().map(r -> new ItemRow(r.menuId(),
                r.item().withOptionGroups(groups.getOrDefault(r.item().id(), List.of())))).toList();
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

    /** The staff view drops the guest-only filters: inactive branches and menus, hidden items. */
    private static String visible(boolean staff, String sql) {
        return staff ? sql.replace(" and b.is_active", "").replace(" and is_active", "")
                .replace(" and availability <> 'hidden'", "") : sql;
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

    private record OptionRow(UUID itemId, UUID groupId, String groupName, String kind, boolean required, int min,
            int max, UUID optionId, String optionName, BigDecimal priceDelta, boolean available) {
    }
}
