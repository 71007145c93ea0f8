package io.dinechat.reservation;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.BookingRules;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.reservation.persistence.FloorStore.TableSetup;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Sets up a restaurant the way production does: its catalog from order-service's topic, its floor through the store. */
final class Floor {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Floor() {
    }

    /**
     * Publishes a catalog snapshot (dinner 18:00-23:00 every day, in {@code zone}, plus the given
     * overrides JSON array) and waits until reservation-service has it.
     */
    static void openRestaurant(CatalogReadModel catalog, TenantTransactions tenants, UUID tenant, UUID branch,
            String zone, long version, String hourOverrides) {
        StringBuilder hours = new StringBuilder();
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            hours.append(hours.isEmpty() ? "" : ",").append("""
                    {"branchId": null, "dayOfWeek": "%s", "opensAt": "18:00", "closesAt": "23:00", "closed": false}""".formatted(day));
        }
        String snapshot = """
                {"tenantId": "%s", "version": %d, "publishedAt": "2026-12-01T08:00:00Z",
                 "business": {"name": "Trattoria Aurora", "type": "restaurant", "defaultLanguage": "english",
                   "timeZone": "%s", "currency": "EUR",
                   "settings": {"allowScheduledOrders": true, "allowDelivery": false, "allowTakeaway": true, "allowOnSite": true}},
                 "branches": [{"id": "%s", "name": "Centro", "contactPhoneNumber": null, "whatsappPhoneNumberId": "1000",
                   "minOrderValue": null, "avgPreparationTimeMinutes": 20,
                   "address": {"city": "Beirut", "street": null, "building": null, "floor": null, "notes": null,
                     "latitude": null, "longitude": null}}],
                 "openingHours": [%s], "hourOverrides": %s, "policies": [], "menus": []}
                """.formatted(tenant, version, zone, branch, hours, hourOverrides);
        EventContract.assertValid("io.dinechat.catalog.snapshot.published", snapshot.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("catalog.snapshots.v1", tenant.toString(), UUID.randomUUID().toString(),
                    "io.dinechat.catalog.snapshot.published", tenant.toString(), snapshot);
        }
        Eventually.await("the catalog snapshot reached reservation-service",
                () -> tenants.inTenant(tenant, () -> catalog.version(tenant)).block(WAIT) >= version);
    }

    static UUID table(FloorStore floor, TenantTransactions tenants, UUID tenant, UUID branch, String label, int min,
            int max, boolean combinable, String group) {
        UUID id = UUID.randomUUID();
        tenants.inTenant(tenant, () -> floor.saveTable(tenant,
                new TableSetup(id, branch, null, label, min, max, combinable, group, true)).thenReturn(true)).block(WAIT);
        return id;
    }

    static void rules(FloorStore floor, TenantTransactions tenants, UUID tenant, UUID branch, BookingRules rules) {
        tenants.inTenant(tenant, () -> floor.saveRules(tenant, branch, rules).thenReturn(true)).block(WAIT);
    }
}
