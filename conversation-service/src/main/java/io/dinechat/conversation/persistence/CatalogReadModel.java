package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.RestaurantFacts;
import io.dinechat.conversation.domain.RestaurantFacts.DailyHours;
import io.dinechat.conversation.domain.RestaurantFacts.MenuItem;
import io.dinechat.conversation.domain.RestaurantFacts.Policy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest catalog snapshot of each business, as published by order-service on
 * {@code catalog.snapshots.v1}. Only a newer version replaces a stored one, so a redelivered or
 * reordered snapshot never rolls the menu back.
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

    public Mono<Optional<RestaurantFacts>> facts(UUID tenantId) {
        return db.sql("select snapshot::text as snapshot from catalog_read_model where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> row.get("snapshot", String.class))
                .one()
                .map(snapshot -> Optional.of(toFacts(json.readTree(snapshot))))
                .defaultIfEmpty(Optional.empty());
    }

    static RestaurantFacts toFacts(JsonNode snapshot) {
        JsonNode business = snapshot.path("business");
        List<DailyHours> hours = new ArrayList<>();
        for (JsonNode h : snapshot.path("openingHours")) {
            if (!h.path("branchId").isNull() && !h.path("branchId").isMissingNode()) {
                continue; // business-wide hours only until branch resolution arrives
            }
            boolean closed = h.path("closed").asBoolean(false);
            hours.add(new DailyHours(DayOfWeek.valueOf(h.path("dayOfWeek").asString().toUpperCase(Locale.ROOT)),
                    closed ? null : LocalTime.parse(h.path("opensAt").asString()),
                    closed ? null : LocalTime.parse(h.path("closesAt").asString()), closed));
        }
        List<MenuItem> items = new ArrayList<>();
        for (JsonNode menu : snapshot.path("menus")) {
            for (JsonNode item : menu.path("items")) {
                items.add(new MenuItem(item.path("name").asString(), item.path("description").asString(null),
                        new BigDecimal(item.path("price").asString()),
                        "available".equals(item.path("availability").asString("available"))));
            }
        }
        List<Policy> policies = new ArrayList<>();
        for (JsonNode p : snapshot.path("policies")) {
            policies.add(new Policy(p.path("type").asString(), p.path("title").asString(null),
                    p.path("description").asString()));
        }
        return new RestaurantFacts(business.path("name").asString(), ZoneId.of(business.path("timeZone").asString("UTC")),
                business.path("currency").asString(""), hours, items, policies);
    }
}
