package io.dinechat.billing.web;

import io.dinechat.billing.application.OwnerBilling;
import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.domain.Invoice;
import io.dinechat.billing.domain.Money;
import io.dinechat.billing.domain.Plan;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dashboard's billing page, owners only (staff and everyone else get 403 problem+json). The
 * business is the token's, never a path or body value.
 */
@RestController
@RequestMapping("/api/billing")
class BillingController {

    private final OwnerBilling billing;

    BillingController(OwnerBilling billing) {
        this.billing = billing;
    }

    @GetMapping("/plan")
    Mono<PlanView> plan() {
        return Actors.require(Role.OWNER).flatMap(billing::currentPlan)
                .map(account -> PlanView.of(account, billing.purchasablePlans()));
    }

    @PostMapping("/checkout-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RedirectView> checkout(@RequestBody CheckoutRequest request) {
        return Actors.require(Role.OWNER)
                .flatMap(owner -> billing.startCheckout(owner, request == null ? null : request.plan()))
                .map(RedirectView::new);
    }

    @PostMapping("/portal-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RedirectView> portal() {
        return Actors.require(Role.OWNER).flatMap(billing::openPortal).map(RedirectView::new);
    }

    @GetMapping("/invoices")
    Mono<List<InvoiceView>> invoices() {
        return Actors.require(Role.OWNER).flatMap(billing::invoices)
                .map(invoices -> invoices.stream().map(InvoiceView::of).toList());
    }

    record CheckoutRequest(String plan) {
    }

    /** Where to send the browser: a Stripe-hosted page. */
    record RedirectView(String url) {
    }

    record PlanView(String plan, String status, boolean premiumFeatures, Instant graceUntil, Instant currentPeriodEnd,
            List<String> purchasablePlans) {

        static PlanView of(BillingAccount account, List<Plan> purchasable) {
            return new PlanView(account.plan().wireName(), account.status().wireName(), account.premiumFeatures(),
                    account.graceUntil(), account.currentPeriodEnd(), purchasable.stream().map(Plan::wireName).toList());
        }
    }

    record InvoiceView(String id, String number, String status, String amount, String currency, Instant at,
            Instant periodStart, Instant periodEnd, String hostedInvoiceUrl, String invoicePdf) {

        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.stripeId(), invoice.number(), invoice.status(),
                    Money.decimal(invoice.amountMinor(), invoice.currency()),
                    invoice.currency().toUpperCase(java.util.Locale.ROOT), invoice.occurredAt(), invoice.periodStart(),
                    invoice.periodEnd(), invoice.hostedInvoiceUrl(), invoice.invoicePdf());
        }
    }
}
