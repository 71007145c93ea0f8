package io.dinechat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every service's audit records match the published audit.v1 schema, keyed by the business. */
class AuditTrailContractTests {

    private final AuditTrail trail = new AuditTrail(null, "order-service",
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aChangeBecomesAnAuditRecordKeyedByTheBusiness() {
        UUID tenant = UUID.randomUUID();
        Actor owner = new Actor(tenant, UUID.randomUUID(), Role.OWNER, "203.0.113.7", false);

        var event = trail.envelope(owner, "menu_item.updated", "menu_item", 42,
                Map.of("price", "12.00"), Map.of("price", "13.50"));

        EventContract.assertValid(AuditTrail.TYPE, event.json());
        assertThat(event.key()).isEqualTo(tenant.toString());
        assertThat(event.tenantId()).isEqualTo(tenant.toString());
        assertThat(event.subject()).isEqualTo("menu_item.updated");
        assertThat(new String(event.json())).contains("\"before\":{\"price\":\"12.00\"}")
                .contains("\"after\":{\"price\":\"13.50\"}").contains("\"role\":\"owner\"");
    }

    @Test
    void aCreationHasNoBeforeAndADeletionNoAfter() {
        Actor admin = new Actor(UUID.randomUUID(), UUID.randomUUID(), Role.PLATFORM_ADMIN, null, true);

        EventContract.assertValid(AuditTrail.TYPE,
                trail.envelope(admin, "branch.created", "branch", UUID.randomUUID(), null, Map.of("name", "Centre")).json());
        var deletion = trail.envelope(admin, "branch.deleted", "branch", UUID.randomUUID(), Map.of("name", "Centre"), null);
        EventContract.assertValid(AuditTrail.TYPE, deletion.json());
        assertThat(new String(deletion.json())).contains("\"actingAs\":true").contains("\"after\":null");
    }
}
