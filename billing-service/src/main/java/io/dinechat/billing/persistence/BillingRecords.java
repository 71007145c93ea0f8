package io.dinechat.billing.persistence;

import static io.dinechat.billing.persistence.BillingAccounts.instant;

import io.dinechat.billing.domain.Invoice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code billing_records}: the business's invoices as Stripe reported them, kept 6 years. Runs in
 * the caller's tenant transaction; the payload holds the invoice's accounting fields and Stripe's
 * links, never card data.
 */
@Repository
public class BillingRecords {

    private final DatabaseClient db;
    private final JsonMapper json;

    public BillingRecords(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Records the invoice, or updates the record of the same invoice. A paid invoice stays paid: a
     * late {@code invoice.payment_failed} (Stripe's retries race its own later success) does not
     * turn it back.
     */
    public Mono<Void> saveInvoice(UUID tenantId, Invoice invoice) {
        return db.sql("""
                insert into billing_records (id, tenant_id, kind, stripe_id, amount_minor, currency, occurred_at, payload)
                values (:id, :tenant, 'invoice', :stripeId, :amount, :currency, :occurredAt, cast(:payload as jsonb))
                on conflict (stripe_id) do update
                    set amount_minor = excluded.amount_minor, occurred_at = excluded.occurred_at, payload = excluded.payload
                    where billing_records.payload ->> 'status' is distinct from 'paid'
                """)
                .bind("id", UUID.randomUUID())
                .bind("tenant", tenantId)
                .bind("stripeId", invoice.stripeId())
                .bind("amount", invoice.amountMinor())
                .bind("currency", invoice.currency())
                .bind("occurredAt", invoice.occurredAt().atOffset(ZoneOffset.UTC))
                .bind("payload", payload(invoice))
                .fetch().rowsUpdated().then();
    }

    /** The business's invoices, newest first. */
    public Flux<Invoice> invoices(int limit) {
        return db.sql("""
                select stripe_id, amount_minor, currency, occurred_at, payload::text as payload from billing_records
                where kind = 'invoice' order by occurred_at desc, stripe_id limit :limit
                """)
                .bind("limit", limit)
                .map(row -> {
                    JsonNode p = json.readTree(row.get("payload", String.class));
                    return new Invoice(row.get("stripe_id", String.class), text(p, "number"), text(p, "status"),
                            row.get("amount_minor", Long.class), row.get("currency", String.class),
                            instant(row, "occurred_at"), text(p, "hostedInvoiceUrl"), text(p, "invoicePdf"),
                            text(p, "subscriptionId"), time(p, "periodStart"), time(p, "periodEnd"));
                })
                .all();
    }

    /** Businesses holding records older than {@code before}; works before any tenant is known. */
    public Flux<UUID> tenantsWithRecordsBefore(Instant before) {
        return db.sql("select t from billing_tenants_with_records_before(:before) t")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("t", UUID.class)).all();
    }

    /** Deletes the business's records older than {@code before}; in its tenant transaction. */
    public Mono<Long> deleteBefore(Instant before) {
        return db.sql("delete from billing_records where occurred_at < :before")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    private String payload(Invoice invoice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", invoice.number());
        fields.put("status", invoice.status());
        fields.put("hostedInvoiceUrl", invoice.hostedInvoiceUrl());
        fields.put("invoicePdf", invoice.invoicePdf());
        fields.put("subscriptionId", invoice.subscriptionId());
        fields.put("periodStart", invoice.periodStart() == null ? null : invoice.periodStart().toString());
        fields.put("periodEnd", invoice.periodEnd() == null ? null : invoice.periodEnd().toString());
        return json.writeValueAsString(fields);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
