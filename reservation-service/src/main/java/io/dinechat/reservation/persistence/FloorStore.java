package io.dinechat.reservation.persistence;

import io.dinechat.reservation.domain.BookingRules;
import io.dinechat.reservation.domain.BookingRules.TurnTime;
import io.dinechat.reservation.domain.DiningTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A branch's floor (areas and tables) and its booking rules. Call inside a tenant transaction. */
@Repository
public class FloorStore {

    /** An area of the floor (terrace, main hall). */
    public record Area(UUID id, UUID branchId, String name) {
    }

    /** A table as staff set it up. */
    public record TableSetup(UUID id, UUID branchId, UUID areaId, String label, int seatsMin, int seatsMax,
            boolean combinable, String combinationGroup, boolean active) {

        DiningTable toDomain() {
            return new DiningTable(id, areaId, label, seatsMin, seatsMax, combinable, combinationGroup);
        }
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    public FloorStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<List<DiningTable>> activeTables(UUID branchId) {
        return tables(branchId).filter(TableSetup::active).map(TableSetup::toDomain).collectList();
    }

    public Flux<TableSetup> tables(UUID branchId) {
        var spec = db.sql("""
                select id, branch_id, area_id, label, seats_min, seats_max, is_combinable, combination_group, is_active
                from dining_tables""" + (branchId == null ? "" : " where branch_id = :branch") + " order by label");
        return (branchId == null ? spec : spec.bind("branch", branchId))
                .map(row -> new TableSetup(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        row.get("area_id", UUID.class), row.get("label", String.class),
                        row.get("seats_min", Integer.class), row.get("seats_max", Integer.class),
                        Boolean.TRUE.equals(row.get("is_combinable", Boolean.class)),
                        row.get("combination_group", String.class),
                        Boolean.TRUE.equals(row.get("is_active", Boolean.class))))
                .all();
    }

    public Mono<TableSetup> table(UUID id) {
        return tables(null).filter(t -> t.id().equals(id)).next();
    }

    public Mono<Void> saveTable(UUID tenantId, TableSetup t) {
        var spec = db.sql("""
                insert into dining_tables (id, tenant_id, branch_id, area_id, label, seats_min, seats_max, is_combinable,
                                           combination_group, is_active)
                values (:id, :tenant, :branch, :area, :label, :min, :max, :combinable, :group, :active)
                on conflict (id) do update set area_id = excluded.area_id, label = excluded.label,
                    seats_min = excluded.seats_min, seats_max = excluded.seats_max, is_combinable = excluded.is_combinable,
                    combination_group = excluded.combination_group, is_active = excluded.is_active
                """)
                .bind("id", t.id()).bind("tenant", tenantId).bind("branch", t.branchId())
                .bind("label", t.label()).bind("min", t.seatsMin()).bind("max", t.seatsMax())
                .bind("combinable", t.combinable()).bind("active", t.active());
        spec = t.areaId() == null ? spec.bindNull("area", UUID.class) : spec.bind("area", t.areaId());
        spec = t.combinationGroup() == null ? spec.bindNull("group", String.class) : spec.bind("group", t.combinationGroup());
        return spec.fetch().rowsUpdated().then();
    }

    /** Tables with bookings are retired (inactive) rather than deleted, so history keeps its tables. */
    public Mono<Boolean> retireTable(UUID id) {
        return db.sql("update dining_tables set is_active = false where id = :id").bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Flux<Area> areas(UUID branchId) {
        var spec = db.sql("select id, branch_id, name from dining_areas"
                + (branchId == null ? "" : " where branch_id = :branch") + " order by name");
        return (branchId == null ? spec : spec.bind("branch", branchId))
                .map(row -> new Area(row.get("id", UUID.class), row.get("branch_id", UUID.class),
                        row.get("name", String.class)))
                .all();
    }

    public Mono<Void> saveArea(UUID tenantId, Area area) {
        return db.sql("""
                insert into dining_areas (id, tenant_id, branch_id, name) values (:id, :tenant, :branch, :name)
                on conflict (id) do update set name = excluded.name
                """)
                .bind("id", area.id()).bind("tenant", tenantId).bind("branch", area.branchId()).bind("name", area.name())
                .fetch().rowsUpdated().then();
    }

    public Mono<BookingRules> rules(UUID branchId) {
        return db.sql("""
                select slot_minutes, buffer_minutes, turn_times::text as turn_times, max_covers_per_slot, lead_time_minutes,
                       max_days_ahead, max_party_size, approval_above_party_size, blackout_dates
                from booking_rules where branch_id = :branch
                """)
                .bind("branch", branchId)
                .map(row -> {
                    List<TurnTime> turns = new ArrayList<>();
                    for (JsonNode t : json.readTree(row.get("turn_times", String.class))) {
                        turns.add(new TurnTime(t.path("upToPartySize").isNumber() ? t.path("upToPartySize").asInt() : null,
                                t.path("minutes").asInt()));
                    }
                    Set<LocalDate> blackouts = new HashSet<>();
                    LocalDate[] dates = row.get("blackout_dates", LocalDate[].class);
                    if (dates != null) {
                        blackouts.addAll(List.of(dates));
                    }
                    return new BookingRules(row.get("slot_minutes", Integer.class), row.get("buffer_minutes", Integer.class),
                            turns, row.get("max_covers_per_slot", Integer.class), row.get("lead_time_minutes", Integer.class),
                            row.get("max_days_ahead", Integer.class), row.get("max_party_size", Integer.class),
                            row.get("approval_above_party_size", Integer.class), blackouts);
                })
                .one()
                .defaultIfEmpty(BookingRules.defaults());
    }

    public Mono<Void> saveRules(UUID tenantId, UUID branchId, BookingRules r) {
        var spec = db.sql("""
                insert into booking_rules (tenant_id, branch_id, slot_minutes, buffer_minutes, turn_times, max_covers_per_slot,
                    lead_time_minutes, max_days_ahead, max_party_size, approval_above_party_size, blackout_dates)
                values (:tenant, :branch, :slot, :buffer, cast(:turns as jsonb), :covers, :lead, :ahead, :maxParty, :approval, :blackouts)
                on conflict (tenant_id, branch_id) do update set slot_minutes = excluded.slot_minutes,
                    buffer_minutes = excluded.buffer_minutes, turn_times = excluded.turn_times,
                    max_covers_per_slot = excluded.max_covers_per_slot, lead_time_minutes = excluded.lead_time_minutes,
                    max_days_ahead = excluded.max_days_ahead, max_party_size = excluded.max_party_size,
                    approval_above_party_size = excluded.approval_above_party_size,
                    blackout_dates = excluded.blackout_dates, updated_at = now()
                """)
                .bind("tenant", tenantId).bind("branch", branchId).bind("slot", r.slotMinutes())
                .bind("buffer", r.bufferMinutes()).bind("turns", json.writeValueAsString(r.turnTimes()))
                .bind("lead", r.leadTimeMinutes()).bind("ahead", r.maxDaysAhead()).bind("maxParty", r.maxPartySize())
                .bind("blackouts", r.blackoutDates().stream().sorted().toArray(LocalDate[]::new));
        spec = r.maxCoversPerSlot() == null ? spec.bindNull("covers", Integer.class) : spec.bind("covers", r.maxCoversPerSlot());
        spec = r.approvalAbovePartySize() == null ? spec.bindNull("approval", Integer.class)
                : spec.bind("approval", r.approvalAbovePartySize());
        return spec.fetch().rowsUpdated().then();
    }
}
