package io.dinechat.reservation.config;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.reservation.persistence.FloorStore.Area;
import io.dinechat.reservation.persistence.FloorStore.TableSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Local stack only ({@code DINECHAT_DEMO_ENABLED=true}): the floor of the demo restaurant's
 * branch, so a newcomer can book a table on the WhatsApp simulator. The branch id is derived the
 * way order-service's demo derives it; the hours come from its catalog snapshot as in production.
 * Idempotent across restarts (fixed ids, upserts).
 */
@Component
@ConditionalOnProperty(name = "dinechat.demo.enabled", havingValue = "true")
public class DemoFloor implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFloor.class);

    @ConfigurationProperties("dinechat.demo")
    public record DemoSettings(@DefaultValue("false") boolean enabled,
            @DefaultValue("6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11") UUID tenantId) {
    }

    private final TenantTransactions tenants;
    private final FloorStore floor;
    private final DemoSettings demo;

    public DemoFloor(TenantTransactions tenants, FloorStore floor, DemoSettings demo) {
        this.tenants = tenants;
        this.floor = floor;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID tenant = demo.tenantId();
        UUID branch = id("branch:mar-mikhael");
        Area hall = new Area(id("area:hall"), branch, "Hall");
        Area terrace = new Area(id("area:terrace"), branch, "Terrace");
        List<TableSetup> tables = List.of(
                table("H1", hall, 1, 2, false, null), table("H2", hall, 1, 2, false, null),
                table("H3", hall, 2, 4, false, null), table("H4", hall, 2, 4, false, null),
                table("T1", terrace, 2, 4, true, "terrace"), table("T2", terrace, 2, 4, true, "terrace"),
                table("T3", terrace, 4, 6, true, "terrace"));
        tenants.inTenant(tenant, () -> floor.saveArea(tenant, hall).then(floor.saveArea(tenant, terrace))
                .thenMany(Flux.fromIterable(tables).concatMap(t -> floor.saveTable(tenant, t)))
                .then()).block(Duration.ofSeconds(30));
        log.info("Demo floor ready: {} tables for branch {}", tables.size(), branch);
    }

    private TableSetup table(String label, Area area, int min, int max, boolean combinable, String group) {
        return new TableSetup(id("table:" + label), area.branchId(), area.id(), label, min, max, combinable, group, true);
    }

    private UUID id(String name) {
        return UUID.nameUUIDFromBytes((demo.tenantId() + ":demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
