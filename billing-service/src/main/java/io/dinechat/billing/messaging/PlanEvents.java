package io.dinechat.billing.messaging;

import io.dinechat.billing.domain.BillingAccount;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code io.dinechat.billing.plan.changed} to the outbox inside the caller's tenant
 * transaction, so the plan and the event other services gate premium features on commit together.
 */
@Component
public class PlanEvents {

    public static final String PLAN_CHANGED = "io.dinechat.billing.plan.changed";
    public static final String SOURCE = "/billing-service";

    private final Outbox outbox;
    private final JsonMapper json;

    public PlanEvents(Outbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Mono<Void> planChanged(BillingAccount account, Instant at) {
        return Mono.defer(() -> outbox.append(Topics.BILLING_EVENTS, envelope(account, at)));
    }

    EventEnvelope envelope(BillingAccount account, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", account.tenantId().toString());
        body.put("plan", account.plan().wireName());
        body.put("status", account.status().wireName());
        body.put("premiumFeatures", account.premiumFeatures());
        body.put("graceUntil", account.graceUntil() == null ? null : account.graceUntil().toString());
        body.put("currentPeriodEnd", account.currentPeriodEnd() == null ? null : account.currentPeriodEnd().toString());
        body.put("version", account.version());
        body.put("at", at.toString());
        String tenant = account.tenantId().toString();
        return new EventEnvelope(UUID.randomUUID().toString(), PLAN_CHANGED, SOURCE, at, tenant, null, tenant,
                json.writeValueAsBytes(body));
    }
}
