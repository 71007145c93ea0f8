package io.dinechat.billing.application;

import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.billing.messaging.PlanEvents;
import io.dinechat.billing.persistence.BillingAccounts;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Saves an account and, when other services would see a difference, bumps its version and writes
 * the plan event, all inside the caller's tenant transaction.
 */
@Component
public class PlanKeeping {

    private final BillingAccounts accounts;
    private final PlanEvents events;

    public PlanKeeping(BillingAccounts accounts, PlanEvents events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** @return true when a plan event was written */
    public Mono<Boolean> save(BillingAccount before, BillingAccount after, Instant now) {
        boolean visible = after.differsForConsumersFrom(before);
        BillingAccount saved = visible ? after.nextVersion() : after;
        return accounts.save(saved)
                .then(visible ? events.planChanged(saved, now) : Mono.empty())
                .thenReturn(visible);
    }
}
