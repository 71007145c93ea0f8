package io.dinechat.reservation.persistence;

import io.dinechat.reservation.domain.OpeningHours;
import io.dinechat.reservation.domain.OpeningHours.DayOverride;
import io.dinechat.reservation.domain.OpeningHours.Service;
import io.dinechat.reservation.domain.Restaurant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newest catalog snapshot of each business (order-service's {@code catalog.snapshots.v1}),
 * kept locally so bookings never wait on order-service. Only a newer version replaces the stored one.
 */
@Repository
public class CatalogReadModel {

    private final DatabaseClient db;
    private final JsonMapper json;

    public CatalogReadModel(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** @return true when the snapshot was newer and is now the current one */
    public Mono<Boolean> apply(UUID tenantId, long version, String snapshotJson) {
        return db.sql("""
                insert into catalog_read_model (tenant_id, version, snapshot) values (:tenant, :version, cast(:snapshot as jsonb))
                on conflict (tenant_id) do update set version = excluded.version, snapshot = excluded.snapshot, updated_at = now()
                where catalog_read_model.version < excluded.version
                """)
                .bind("tenant", tenantId).bind("version", version).bind("snapshot", snapshotJson)
                .fetch().rowsUpdated().map(updated -> updated == 1);
    }

    /** The version held for a business, 0 before its first snapshot. */
    public Mono<Long> version(UUID tenantId) {
        return db.sql("select version from catalog_read_model where tenant_id = :tenant").bind("tenant", tenantId)
                .map(row -> row.get("version", Long.class)).one().defaultIfEmpty(0L);
    }

    public Mono<Restaurant> restaurant(UUID tenantId) {
        return db.sql("select snapshot::text as snapshot from catalog_read_model where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> row.get("snapshot", String.class))
                .one()
                .map(snapshot -> toRestaurant(json.readTree(snapshot)))
                .defaultIfEmpty(Restaurant.unknown());
    }

    static Restaurant toRestaurant(JsonNode snapshot) {
        JsonNode business = snapshot.path("business");
        ZoneId zone = ZoneId.of(business.path("timeZone").asString("UTC"));
        List<UUID> branches = new ArrayList<>();
        for (JsonNode b : snapshot.path("branches")) {
            branches.add(UUID.fromString(b.path("id").asString()));
        }
        // Weekly hours and overrides, split by branch (null = business-wide).
        Map<UUID, Map<DayOfWeek, List<Service>>> weekly = new HashMap<>();
        for (JsonNode h : snapshot.path("openingHours")) {
            if (h.path("closed").asBoolean(false)) {
                weekly.computeIfAbsent(branchOf(h), k -> new LinkedHashMap<>());
                continue;
            }
            DayOfWeek day = DayOfWeek.valueOf(h.path("dayOfWeek").asString().toUpperCase(Locale.ROOT));
            weekly.computeIfAbsent(branchOf(h), k -> new LinkedHashMap<>())
                    .computeIfAbsent(day, d -> new ArrayList<>())
                    .add(new Service(LocalTime.parse(h.path("opensAt").asString()),
                            LocalTime.parse(h.path("closesAt").asString())));
        }
        Map<UUID, Map<LocalDate, DayOverride>> overrides = new HashMap<>();
        for (JsonNode o : snapshot.path("hourOverrides")) {
            LocalDate date = LocalDate.parse(o.path("date").asString());
            Map<LocalDate, DayOverride> forBranch = overrides.computeIfAbsent(branchOf(o), k -> new HashMap<>());
            DayOverride existing = forBranch.get(date);
            if (o.path("closed").asBoolean(false) || existing != null && existing.closed()) {
                forBranch.put(date, new DayOverride(true, List.of()));
            } else if (o.hasNonNull("opensAt") && o.hasNonNull("closesAt")) {
                List<Service> services = new ArrayList<>(existing == null ? List.of() : existing.services());
                services.add(new Service(LocalTime.parse(o.path("opensAt").asString()),
                        LocalTime.parse(o.path("closesAt").asString())));
                forBranch.put(date, new DayOverride(false, services));
            }
        }
        OpeningHours businessWide = new OpeningHours(zone, weekly.getOrDefault(null, Map.of()),
                overrides.getOrDefault(null, Map.of()));
        Map<UUID, OpeningHours> perBranch = new HashMap<>();
        for (UUID branch : branches) {
            if (weekly.containsKey(branch) || overrides.containsKey(branch)) {
                Map<LocalDate, DayOverride> merged = new HashMap<>(overrides.getOrDefault(null, Map.of()));
                merged.putAll(overrides.getOrDefault(branch, Map.of()));
                perBranch.put(branch, new OpeningHours(zone,
                        weekly.containsKey(branch) ? weekly.get(branch) : weekly.getOrDefault(null, Map.of()), merged));
            }
        }
        return new Restaurant(business.path("name").asString(""), zone, branches, businessWide, perBranch);
    }

    private static UUID branchOf(JsonNode node) {
        String branch = node.path("branchId").asString(null);
        return branch == null || branch.isBlank() ? null : UUID.fromString(branch);
    }
}
