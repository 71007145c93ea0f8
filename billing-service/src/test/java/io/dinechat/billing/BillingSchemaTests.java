package io.dinechat.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** What V1__billing.sql guarantees, exercised as the runtime role. */
class BillingSchemaTests extends BillingServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private TenantTransactions tenants;

    @Autowired
    private DatabaseClient db;

    @Test
    void aBusinessSeesOnlyItsOwnBillingRecords() {
        // given
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String alicesInvoice = "in_" + UUID.randomUUID().toString().replace("-", "");
        String bobsInvoice = "in_" + UUID.randomUUID().toString().replace("-", "");
        inTenant(alice, record(alice, alicesInvoice, 4900));
        inTenant(bob, record(bob, bobsInvoice, 9900));

        // when
        List<String> seenByAlice = inTenant(alice, stripeIds());
        List<String> seenByBob = inTenant(bob, stripeIds());
        List<String> seenWithoutTenant = stripeIds().block(WAIT);

        // then
        assertThat(seenByAlice).containsExactly(alicesInvoice);
        assertThat(seenByBob).containsExactly(bobsInvoice);
        assertThat(seenWithoutTenant).isEmpty();
        assertThatThrownBy(() -> inTenant(bob, record(alice, "in_" + UUID.randomUUID().toString().replace("-", ""), 100)))
                .hasMessageContaining("row-level security");
    }

    @Test
    void aStripeEventIsRecordedOnceBeforeAnyBusinessIsKnown() {
        // given
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");

        // when: outside any tenant transaction, as a webhook is before its customer is resolved
        long first = recordEvent(eventId).block(WAIT);
        long redelivery = recordEvent(eventId).block(WAIT);

        // then
        assertThat(first).isEqualTo(1);
        assertThat(redelivery).isZero();
    }

    private <T> T inTenant(UUID tenant, Mono<T> work) {
        return tenants.inTenant(tenant, () -> work).block(WAIT);
    }

    private Mono<Long> record(UUID tenant, String stripeId, long amountMinor) {
        return db.sql("""
                insert into billing_records (id, tenant_id, kind, stripe_id, amount_minor, currency, occurred_at, payload)
                values (:id, :tenant, 'invoice', :stripeId, :amount, 'eur', :occurredAt, '{}'::jsonb)
                """)
                .bind("id", UUID.randomUUID()).bind("tenant", tenant).bind("stripeId", stripeId)
                .bind("amount", amountMinor)
                .bind("occurredAt", OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    private Mono<List<String>> stripeIds() {
        return db.sql("select stripe_id from billing_records order by stripe_id")
                .map(row -> row.get("stripe_id", String.class)).all().collectList();
    }

    private Mono<Long> recordEvent(String eventId) {
        return db.sql("insert into stripe_events (event_id, type) values (:id, 'invoice.paid') on conflict do nothing")
                .bind("id", eventId).fetch().rowsUpdated();
    }
}
