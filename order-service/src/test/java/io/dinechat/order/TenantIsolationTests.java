package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dinechat.platform.config.PlatformProperties;
import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.r2dbc.spi.ConnectionFactories;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Row-level security as the running service meets it: through its own DatabaseClient, as the app role. */
class TenantIsolationTests extends RunningOrderService {

    private static final Duration BLOCK = Duration.ofSeconds(30);

    @Autowired
    private DatabaseClient db;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private RuntimeRoleGuard guard;
    @Autowired
    private PlatformProperties platform;
    @Autowired
    private io.dinechat.order.ordering.application.OrderDesk desk;

    @Test
    void anotherBusinessSeesNoneOfTheDemoItemsAndCannotWriteRowsInItsName() {
        // given: the demo restaurant's items exist, seen from its own tenant transaction
        UUID otherTenant = UUID.randomUUID();
        long demoItems = tenants.inTenant(DEMO_TENANT, () -> countItems()).block(BLOCK);
        UUID demoMenu = tenants.inTenant(DEMO_TENANT, () -> db.sql("select menu_id from items limit 1")
                .map(row -> row.get("menu_id", UUID.class)).one()).block(BLOCK);
        assertThat(demoItems).isPositive();
        assertThat(db.sql("select current_user as name").map(row -> row.get("name", String.class)).one().block(BLOCK))
                .isEqualTo(database.appUser());

        // when
        long seenByOther = tenants.inTenant(otherTenant, () -> countItems()).block(BLOCK);
        long seenWithoutTenant = countItems().block(BLOCK);

        // then
        assertThat(seenByOther).isZero();
        assertThat(seenWithoutTenant).isZero();
        assertThatThrownBy(() -> tenants.inTenant(otherTenant, () -> db.sql("""
                        insert into items (id, tenant_id, menu_id, name, price) values (:id, :tenant, :menu, 'Smuggled dish', :price)
                        """)
                        .bind("id", UUID.randomUUID()).bind("tenant", DEMO_TENANT).bind("menu", demoMenu)
                        .bind("price", new BigDecimal("1.00"))
                        .fetch().rowsUpdated()).block(BLOCK))
                .hasMessageContaining("violates row-level security policy for table \"items\"");
        assertThat(tenants.inTenant(DEMO_TENANT, () -> countItems()).block(BLOCK)).isEqualTo(demoItems);
    }

    @Test
    void anotherBusinessSeesNoneOfTheDemoOrdersNorTheirRepliesAndCannotWriteThem() {
        // given: a demo order placed from WhatsApp
        CLOCK.set(TestClock.FRIDAY_EVENING);
        UUID orderId = PlacedOrders.place(desk, tenants, db, OrderCommandTests.conversation());
        UUID otherTenant = UUID.randomUUID();

        // when
        long seenByOther = tenants.inTenant(otherTenant, () -> count("orders")).block(BLOCK)
                + tenants.inTenant(otherTenant, () -> count("order_items")).block(BLOCK)
                + tenants.inTenant(otherTenant, () -> count("order_item_options")).block(BLOCK)
                + tenants.inTenant(otherTenant, () -> count("order_status_history")).block(BLOCK)
                + tenants.inTenant(otherTenant, () -> count("order_commands")).block(BLOCK)
                + tenants.inTenant(otherTenant, () -> count("item_option_groups")).block(BLOCK);
        long seenWithoutTenant = count("orders").block(BLOCK);
        Long movedByOther = tenants.inTenant(otherTenant, () -> db.sql("update orders set status = 'cancelled' where id = :id")
                .bind("id", orderId).fetch().rowsUpdated()).block(BLOCK);

        // then
        assertThat(seenByOther).isZero();
        assertThat(seenWithoutTenant).isZero();
        assertThat(movedByOther).isZero();
        assertThat(tenants.inTenant(DEMO_TENANT, () -> db.sql("select status from orders where id = :id").bind("id", orderId)
                .map(row -> row.get("status", String.class)).one()).block(BLOCK)).isEqualTo("pending");
        assertThatThrownBy(() -> tenants.inTenant(otherTenant, () -> db.sql("""
                        insert into order_status_history (id, tenant_id, order_id, to_status, changed_by)
                        values (:id, :tenant, :order, 'cancelled', 'intruder')
                        """)
                        .bind("id", UUID.randomUUID()).bind("tenant", DEMO_TENANT).bind("order", orderId)
                        .fetch().rowsUpdated()).block(BLOCK))
                .hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theRuntimeRoleGuardPassedForTheAppRole() {
        // given: the context started, which ran the guard as an ApplicationRunner

        // when / then: it still finds nothing to object to
        assertThat(guard.verify().thenReturn("verified").block(BLOCK)).isEqualTo("verified");
    }

    @Test
    void theRuntimeRoleGuardRefusesTheOwnerRoleNamingTheTablesItOwns() {
        // given
        var ownerDb = DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://%s:%s@%s:%d/%s".formatted(
                database.ownerUser(), database.ownerPassword(), database.host(), database.port(), database.name())));
        var ownerGuard = new RuntimeRoleGuard(ownerDb, platform.tenancy().sharedTables());

        // when / then
        assertThatThrownBy(() -> ownerGuard.verify().block(BLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to run")
                .hasMessageContaining("role " + database.ownerUser() + " owns tables")
                .hasMessageContainingAll("businesses", "branches", "opening_hours", "policies", "menus", "branch_menus",
                        "items", "catalog_versions", "item_option_groups", "item_options", "hour_overrides", "orders",
                        "order_items", "order_item_options", "order_status_history", "order_commands",
                        "order_references");
    }

    private Mono<Long> count(String table) {
        return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one();
    }

    private Mono<Long> countItems() {
        return db.sql("select count(*) as n from items").map(row -> row.get("n", Long.class)).one();
    }
}
