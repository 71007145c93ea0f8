package io.dinechat.billing.persistence;

import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.domain.Plan;
import io.dinechat.billing.domain.PlanStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code billing_accounts}: one row per business. Every method but the two cross-business lookups
 * runs inside the caller's tenant transaction, so row-level security scopes it to that business.
 */
@Repository
public class BillingAccounts {

    private static final String COLUMNS = """
            tenant_id, stripe_customer_id, plan, status, current_period_end, grace_until, stripe_subscription_id,
            subscription_created_at, premium_features, version""";

    private final DatabaseClient db;

    public BillingAccounts(DatabaseClient db) {
        this.db = db;
    }

    /** The business's account, or empty when it never had one (it is then on the trial). */
    public Mono<BillingAccount> find(UUID tenantId) {
        return db.sql("select " + COLUMNS + " from billing_accounts where tenant_id = :tenant")
                .bind("tenant", tenantId).map(BillingAccounts::account).one();
    }

    /**
     * The business's account, created on the trial if missing, locked until the transaction ends:
     * webhooks and checkouts of one business take turns, so a state read from Stripe is applied
     * before a later read can be.
     */
    public Mono<BillingAccount> lock(UUID tenantId) {
        return db.sql("insert into billing_accounts (tenant_id) values (:tenant) on conflict (tenant_id) do nothing")
                .bind("tenant", tenantId).fetch().rowsUpdated()
                .then(db.sql("select " + COLUMNS + " from billing_accounts where tenant_id = :tenant for update")
                        .bind("tenant", tenantId).map(BillingAccounts::account).one());
    }

    public Mono<Void> save(BillingAccount account) {
        var update = db.sql("""
                update billing_accounts set stripe_customer_id = :customer, plan = :plan, status = :status,
                    current_period_end = :periodEnd, grace_until = :graceUntil, stripe_subscription_id = :subscription,
                    subscription_created_at = :subscriptionCreated, premium_features = :premium, version = :version,
                    updated_at = now()
                where tenant_id = :tenant
                """)
                .bind("tenant", account.tenantId())
                .bind("plan", account.plan().wireName())
                .bind("status", account.status().wireName())
                .bind("premium", account.premiumFeatures())
                .bind("version", account.version());
        update = bindNullable(update, "customer", account.stripeCustomerId());
        update = bindNullable(update, "subscription", account.subscriptionId());
        update = bindTime(update, "periodEnd", account.currentPeriodEnd());
        update = bindTime(update, "graceUntil", account.graceUntil());
        update = bindTime(update, "subscriptionCreated", account.subscriptionCreatedAt());
        return update.fetch().rowsUpdated().flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("billing account of " + account.tenantId() + " not saved")));
    }

    /** Which business a Stripe customer belongs to; works before any tenant is known. */
    public Mono<UUID> tenantOfCustomer(String customerId) {
        return db.sql("select billing_tenant_of_customer(:customer) as tenant_id")
                .bind("customer", customerId)
                .map(row -> java.util.Optional.ofNullable(row.get("tenant_id", UUID.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /** Businesses past due whose grace period has ended while premium features are still open. */
    public Flux<UUID> tenantsPastGrace(Instant now) {
        return db.sql("select t from billing_tenants_past_grace(:now) t")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("t", UUID.class)).all();
    }

    private static BillingAccount account(Readable row) {
        return new BillingAccount(row.get("tenant_id", UUID.class), row.get("stripe_customer_id", String.class),
                Plan.fromWire(row.get("plan", String.class)).orElseThrow(),
                PlanStatus.fromWire(row.get("status", String.class)).orElseThrow(),
                instant(row, "current_period_end"), instant(row, "grace_until"),
                row.get("stripe_subscription_id", String.class), instant(row, "subscription_created_at"),
                Boolean.TRUE.equals(row.get("premium_features", Boolean.class)),
                row.get("version", Long.class));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static DatabaseClient.GenericExecuteSpec bindTime(DatabaseClient.GenericExecuteSpec spec, String name, Instant value) {
        return value == null ? spec.bindNull(name, OffsetDateTime.class) : spec.bind(name, value.atOffset(ZoneOffset.UTC));
    }
}
