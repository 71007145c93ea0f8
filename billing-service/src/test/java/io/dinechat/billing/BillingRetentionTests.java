package io.dinechat.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.billing.application.BillingRetention;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Billing records are kept 6 years, then deleted in every business. */
class BillingRetentionTests extends BillingServiceContext {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    BillingRetention retention;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void recordsOlderThanSixYearsAreDeletedInEveryBusinessAndYoungerOnesKept() {
        // given: two businesses, each with a 7-year-old and a 5-year-old invoice (and one just inside 6 years)
        Instant now = Instant.now();
        Instant sevenYearsAgo = now.atZone(ZoneOffset.UTC).minusYears(7).toInstant();
        Instant justInside = now.atZone(ZoneOffset.UTC).minusYears(6).plusDays(1).toInstant();
        Instant fiveYearsAgo = now.atZone(ZoneOffset.UTC).minusYears(5).toInstant();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        for (UUID tenant : List.of(alice, bob)) {
            record(tenant, "in_old_" + tenant, sevenYearsAgo);
            record(tenant, "in_edge_" + tenant, justInside);
            record(tenant, "in_new_" + tenant, fiveYearsAgo);
        }

        // when
        long deleted = retention.purge(now).block(WAIT);

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(stripeIds(alice)).containsExactlyInAnyOrder("in_edge_" + alice, "in_new_" + alice);
        assertThat(stripeIds(bob)).containsExactlyInAnyOrder("in_edge_" + bob, "in_new_" + bob);
    }

    private void record(UUID tenant, String stripeId, Instant at) {
        tenants.inTenant(tenant, () -> db.sql("""
                insert into billing_records (id, tenant_id, kind, stripe_id, amount_minor, currency, occurred_at, payload)
                values (:id, :tenant, 'invoice', :stripeId, 4900, 'eur', :at, '{"status":"paid"}'::jsonb)
                """).bind("id", UUID.randomUUID()).bind("tenant", tenant).bind("stripeId", stripeId)
                .bind("at", at.atOffset(ZoneOffset.UTC)).fetch().rowsUpdated()).block(WAIT);
    }

    private List<String> stripeIds(UUID tenant) {
        return tenants.inTenant(tenant, () -> db.sql("select stripe_id from billing_records")
                .map(row -> row.get("stripe_id", String.class)).all().collectList()).block(WAIT);
    }
}
