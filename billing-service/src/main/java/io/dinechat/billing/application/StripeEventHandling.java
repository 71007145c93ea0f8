package io.dinechat.billing.application;

import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.domain.SubscriptionDecision;
import io.dinechat.billing.domain.SubscriptionRules;
import io.dinechat.billing.persistence.BillingAccounts;
import io.dinechat.billing.persistence.BillingRecords;
import io.dinechat.billing.persistence.StripeEvents;
import io.dinechat.billing.stripe.StripeApi;
import io.dinechat.billing.stripe.StripeNotice;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Handles each verified Stripe event once. The event id is claimed in the same tenant transaction
 * as its effect, so a redelivery finds it taken and changes nothing, and a failure (Stripe
 * unreachable, database down) rolls the claim back for Stripe's retry. Plan changes always come
 * from the subscription as Stripe holds it now, retrieved under the business's row lock.
 */
@Service
public class StripeEventHandling {

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandling.class);

    private final TenantTransactions tenants;
    private final BillingAccounts accounts;
    private final BillingRecords records;
    private final StripeEvents events;
    private final StripeApi stripe;
    private final SubscriptionRules rules;
    private final PlanKeeping plans;
    private final Clock clock;

    public StripeEventHandling(TenantTransactions tenants, BillingAccounts accounts, BillingRecords records,
            StripeEvents events, StripeApi stripe, SubscriptionRules rules, PlanKeeping plans, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.records = records;
        this.events = events;
        this.stripe = stripe;
        this.rules = rules;
        this.plans = plans;
        this.clock = clock;
    }

    /** @return what the event led to, as recorded in {@code stripe_events} ({@code replayed} for a redelivery) */
    public Mono<String> receive(StripeNotice notice) {
        Mono<Handled> handled = switch (notice) {
            case StripeNotice.Other other -> events.record(other.eventId(), other.type(), "unknown_type")
                    .map(first -> new Handled(first ? "unknown_type" : "replayed", null));
            case StripeNotice.CheckoutCompleted checkout -> tenantOf(checkout.customerId(), checkout.clientReferenceId())
                    .flatMap(tenant -> once(tenant, notice, () -> checkoutCompleted(tenant, checkout)))
                    .switchIfEmpty(unrouted(notice));
            case StripeNotice.SubscriptionChanged changed -> tenantOf(changed.customerId(), null)
                    .flatMap(tenant -> once(tenant, notice, () -> accounts.lock(tenant)
                            .flatMap(account -> follow(account, changed.subscriptionId()))))
                    .switchIfEmpty(unrouted(notice));
            case StripeNotice.InvoiceSettled invoice -> tenantOf(invoice.customerId(), null)
                    .flatMap(tenant -> once(tenant, notice, () -> invoiceSettled(tenant, invoice)))
                    .switchIfEmpty(unrouted(notice));
        };
        return handled.flatMap(this::cancelSuperseded);
    }

    private Mono<Handled> checkoutCompleted(UUID tenant, StripeNotice.CheckoutCompleted checkout) {
        return accounts.lock(tenant).flatMap(account -> {
            if (account.stripeCustomerId() != null && !account.stripeCustomerId().equals(checkout.customerId())) {
                return Mono.just(new Handled("ignored: checkout of another customer", null));
            }
            BillingAccount linked = account.withCustomer(checkout.customerId());
            Mono<Void> link = account.stripeCustomerId() == null
                    ? plans.save(account, linked, clock.instant()).then()
                    : Mono.empty();
            return link.then(checkout.subscriptionId() == null
                    ? Mono.just(new Handled("ignored: not a subscription checkout", null))
                    : follow(linked, checkout.subscriptionId()));
        });
    }

    private Mono<Handled> invoiceSettled(UUID tenant, StripeNotice.InvoiceSettled settled) {
        Mono<Void> record = records.saveInvoice(tenant, settled.invoice());
        String subscription = settled.invoice().subscriptionId();
        if (subscription == null) {
            return record.thenReturn(new Handled("invoice recorded", null));
        }
        return record.then(accounts.lock(tenant))
                .flatMap(account -> follow(account, subscription))
                .map(followed -> new Handled("invoice recorded; " + followed.outcome(), followed.superseded()));
    }

    /** Applies the subscription as Stripe holds it now; the caller holds the account's lock. */
    private Mono<Handled> follow(BillingAccount account, String subscriptionId) {
        return stripe.retrieveSubscription(subscriptionId).flatMap(subscription -> {
            Instant now = clock.instant();
            return switch (rules.apply(account, subscription, now)) {
                case SubscriptionDecision.Ignore ignore -> Mono.just(new Handled("ignored: " + ignore.reason(), null));
                case SubscriptionDecision.Follow follow -> plans.save(account, follow.account(), now)
                        .map(published -> new Handled(published ? "plan changed" : "plan unchanged", follow.superseded()));
            };
        });
    }

    /** Claims the event id and runs its effect in one tenant transaction. */
    private Mono<Handled> once(UUID tenant, StripeNotice notice, Supplier<Mono<Handled>> effect) {
        return tenants.inTenant(tenant, () -> events.claim(notice.eventId(), notice.type())
                .flatMap(first -> first
                        ? effect.get().flatMap(handled -> events.settle(notice.eventId(), handled.outcome())
                                .thenReturn(handled))
                        : Mono.just(new Handled("replayed", null))));
    }

    /** An event about a customer that is not ours (or not yet linked): acknowledged and recorded. */
    private Mono<Handled> unrouted(StripeNotice notice) {
        return Mono.defer(() -> events.record(notice.eventId(), notice.type(), "ignored: unknown customer")
                .map(first -> new Handled(first ? "ignored: unknown customer" : "replayed", null)));
    }

    private Mono<UUID> tenantOf(String customerId, String clientReferenceId) {
        Mono<UUID> byCustomer = customerId == null ? Mono.empty() : accounts.tenantOfCustomer(customerId);
        return byCustomer.switchIfEmpty(Mono.defer(() -> parseTenant(clientReferenceId)));
    }

    private static Mono<UUID> parseTenant(String clientReferenceId) {
        try {
            return clientReferenceId == null ? Mono.empty() : Mono.just(UUID.fromString(clientReferenceId));
        } catch (IllegalArgumentException notOurs) {
            return Mono.empty();
        }
    }

    /**
     * After the commit: a business that subscribed again (an upgrade through Checkout) must not pay
     * for the replaced subscription as well. A failure is logged, not retried by redelivery: the
     * plan is already right, and the Customer Portal shows the owner both.
     */
    private Mono<String> cancelSuperseded(Handled handled) {
        if (handled.superseded() == null) {
            return Mono.just(handled.outcome());
        }
        return stripe.cancelSubscription(handled.superseded())
                .onErrorResume(e -> {
                    log.warn("Could not cancel replaced subscription {}: {}", handled.superseded(), e.getMessage());
                    return Mono.empty();
                })
                .thenReturn(handled.outcome());
    }

    private record Handled(String outcome, String superseded) {
    }
}
