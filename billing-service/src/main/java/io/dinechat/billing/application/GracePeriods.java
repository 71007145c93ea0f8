package io.dinechat.billing.application;

import io.dinechat.billing.persistence.BillingAccounts;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Closes premium features of businesses whose past-due grace period has ended without a payment:
 * no Stripe event marks that moment, so a scheduled check publishes it. Re-checked under the row
 * lock, so a payment that landed meanwhile wins and two replicas publish the closing once.
 */
@Service
public class GracePeriods {

    private final TenantTransactions tenants;
    private final BillingAccounts accounts;
    private final PlanKeeping plans;

    public GracePeriods(TenantTransactions tenants, BillingAccounts accounts, PlanKeeping plans) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.plans = plans;
    }

    /** @return how many businesses lost premium features */
    public Mono<Long> closeEnded(Instant now) {
        return accounts.tenantsPastGrace(now)
                .concatMap(tenant -> tenants.inTenant(tenant, () -> accounts.lock(tenant)
                        .filter(account -> account.premiumFeatures() && !account.premiumFeaturesAt(now))
                        .flatMap(account -> plans.save(account, account.reevaluatedAt(now), now))))
                .filter(Boolean::booleanValue)
                .count();
    }
}
