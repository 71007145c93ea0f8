package io.dinechat.billing.application;

import io.dinechat.billing.config.BillingProperties;
import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.domain.Invoice;
import io.dinechat.billing.domain.Plan;
import io.dinechat.billing.domain.PlanPrices;
import io.dinechat.billing.domain.PlanStatus;
import io.dinechat.billing.persistence.BillingAccounts;
import io.dinechat.billing.persistence.BillingRecords;
import io.dinechat.billing.stripe.StripeApi;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What an owner does about billing in the dashboard: see the plan, subscribe or upgrade through
 * Stripe Checkout, manage cards and invoices in the Customer Portal, list invoices. The business
 * is always the actor's (from the gateway's token); every Stripe page visit is audited.
 */
@Service
public class OwnerBilling {

    private static final int INVOICE_PAGE = 120;

    private final TenantTransactions tenants;
    private final BillingAccounts accounts;
    private final BillingRecords records;
    private final StripeApi stripe;
    private final PlanPrices prices;
    private final PlanKeeping plans;
    private final AuditTrail audit;
    private final BillingProperties properties;
    private final Clock clock;

    public OwnerBilling(TenantTransactions tenants, BillingAccounts accounts, BillingRecords records, StripeApi stripe,
            PlanPrices prices, PlanKeeping plans, AuditTrail audit, BillingProperties properties, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.records = records;
        this.stripe = stripe;
        this.prices = prices;
        this.plans = plans;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The business's plan; a business that never subscribed is on the trial. */
    public Mono<BillingAccount> currentPlan(Actor owner) {
        UUID tenant = owner.tenantId();
        return tenants.inTenant(tenant, () -> accounts.find(tenant))
                .defaultIfEmpty(BillingAccount.trial(tenant))
                .map(account -> account.reevaluatedAt(clock.instant()));
    }

    /** Paid plans the owner can subscribe to here (those with a configured Stripe price). */
    public List<Plan> purchasablePlans() {
        return List.of(Plan.STANDARD, Plan.PREMIUM).stream().filter(p -> prices.priceOf(p).isPresent()).toList();
    }

    /** @return the Stripe Checkout URL to send the owner to */
    public Mono<String> startCheckout(Actor owner, String planName) {
        Plan plan = Plan.fromWire(planName).filter(Plan::isPaid)
                .orElseThrow(() -> new BillingRefusedException("invalid-plan", "Choose the standard or premium plan."));
        String price = prices.priceOf(plan).orElseThrow(() -> new BillingRefusedException("invalid-plan",
                "The " + plan.wireName() + " plan cannot be bought yet."));
        UUID tenant = owner.tenantId();
        String base = properties.dashboardUrl().toString().replaceAll("/+$", "");
        return tenants.inTenant(tenant, () -> accounts.lock(tenant).flatMap(account -> {
            // Checkout subscribes or upgrades (the newer subscription then replaces the older, which
            // is cancelled); any other change to a live subscription belongs in the Customer Portal.
            boolean live = account.plan().isPaid() && account.status() != PlanStatus.CANCELED;
            boolean upgrade = account.plan() == Plan.STANDARD && plan == Plan.PREMIUM;
            if (live && !upgrade) {
                return Mono.error(new BillingRefusedException("already-subscribed", "This business is on the "
                        + account.plan().wireName() + " plan; change or cancel it in the billing portal."));
            }
            return withCustomer(account)
                    .flatMap(customer -> stripe.createCheckoutSession(tenant, customer, price,
                            base + "/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
                            base + "/billing?checkout=canceled"))
                    .flatMap(url -> audit.record(owner, "billing.checkout_started", "billing_account", tenant,
                            Map.of("plan", account.plan().wireName(), "status", account.status().wireName()),
                            Map.of("requestedPlan", plan.wireName())).thenReturn(url));
        }));
    }

    /** @return the Stripe Customer Portal URL for this business */
    public Mono<String> openPortal(Actor owner) {
        UUID tenant = owner.tenantId();
        String returnUrl = properties.dashboardUrl().toString().replaceAll("/+$", "") + "/billing";
        return tenants.inTenant(tenant, () -> accounts.lock(tenant)
                .flatMap(this::withCustomer)
                .flatMap(customer -> stripe.createPortalSession(customer, returnUrl))
                .flatMap(url -> audit.record(owner, "billing.portal_opened", "billing_account", tenant, null, null)
                        .thenReturn(url)));
    }

    public Mono<List<Invoice>> invoices(Actor owner) {
        return tenants.inTenantMany(owner.tenantId(), () -> records.invoices(INVOICE_PAGE)).collectList();
    }

    /** The business's Stripe customer, created (once, idempotently) on first need; the caller holds the lock. */
    private Mono<String> withCustomer(BillingAccount account) {
        if (account.stripeCustomerId() != null) {
            return Mono.just(account.stripeCustomerId());
        }
        return stripe.createCustomer(account.tenantId(), null)
                .flatMap(customer -> plans.save(account, account.withCustomer(customer), clock.instant())
                        .thenReturn(customer));
    }
}
