package io.dinechat.archive.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.dinechat.archive.domain.TenantPlan;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code tenant_plans}: each business's plan from billing.events.v1, the highest version kept. */
@Component
public class TenantPlans {

    static final String TENANT_PLANS = "tenant_plans";

    private final ArchiveDatabase db;

    public TenantPlans(ArchiveDatabase db) {
        this.db = db;
    }

    /** Stores the plan unless a newer version is already there (replays and reordering are harmless). */
    public Mono<Boolean> apply(TenantPlan plan) {
        return db.collection(TENANT_PLANS).flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", plan.tenantId()), Filters.lt("version", plan.version())),
                Updates.combine(Updates.set("plan", plan.plan()), Updates.set("status", plan.status()),
                        Updates.set("premiumFeatures", plan.premiumFeatures()),
                        Updates.set("graceUntil", plan.graceUntil() == null ? null : Date.from(plan.graceUntil())),
                        Updates.set("version", plan.version())),
                new UpdateOptions().upsert(true))))
                .map(r -> true)
                // The filter missed because a newer version exists, and the upsert hit the same _id.
                .onErrorResume(MongoWriteException.class,
                        e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.just(false) : Mono.error(e));
    }

    public Mono<TenantPlan> of(String tenantId) {
        return db.collection(TENANT_PLANS)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", tenantId)).first()))
                .map(TenantPlans::toPlan)
                .defaultIfEmpty(TenantPlan.unknown(tenantId));
    }

    private static TenantPlan toPlan(Document d) {
        Date grace = d.getDate("graceUntil");
        return new TenantPlan(d.getString("_id"), d.getString("plan"), d.getString("status"),
                Boolean.TRUE.equals(d.getBoolean("premiumFeatures")), grace == null ? null : grace.toInstant(),
                ((Number) d.get("version")).longValue());
    }
}
