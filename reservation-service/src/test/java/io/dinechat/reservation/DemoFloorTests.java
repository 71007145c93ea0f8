package io.dinechat.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.config.DemoFloor;
import io.dinechat.reservation.persistence.FloorStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The local stack's demo floor: seeded once, the same on every restart. */
class DemoFloorTests extends ReservationServiceContext {

    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private FloorStore floor;

    @Test
    void theDemoRestaurantGetsSevenTablesAndARestartChangesNothing() {
        // given
        UUID tenant = UUID.randomUUID();
        DemoFloor demo = new DemoFloor(tenants, floor, new DemoFloor.DemoSettings(true, tenant));

        // when
        demo.run(null);
        demo.run(null);

        // then
        var tables = tenants.inTenantMany(tenant, () -> floor.tables(null)).collectList().block(Duration.ofSeconds(10));
        assertThat(tables).hasSize(7).extracting(FloorStore.TableSetup::label).contains("H1", "T3");
        assertThat(tables).filteredOn(FloorStore.TableSetup::combinable).hasSize(3);
    }
}
