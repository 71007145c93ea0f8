package io.dinechat.archive.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code rollup_runs}: the last local day rolled up per business. Claiming a day is a conditional
 * update, so when several replicas run the schedule, one of them rolls up each business's night.
 */
@Component
public class RollupRuns {

    static final String ROLLUP_RUNS = "rollup_runs";

    private final ArchiveDatabase db;

    public RollupRuns(ArchiveDatabase db) {
        this.db = db;
    }

    /** True when this caller claimed {@code day} for the business (nobody had rolled it up yet). */
    public Mono<Boolean> claim(String tenantId, LocalDate day) {
        return db.collection(ROLLUP_RUNS).flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", tenantId), Filters.lt("lastDay", day.toString())),
                Updates.set("lastDay", day.toString()), new UpdateOptions().upsert(true))))
                .map(r -> true)
                .onErrorResume(com.mongodb.MongoWriteException.class, e -> Mono.just(false));
    }

    /** Gives the claim back after a failed roll-up, so the next run tries again. */
    public Mono<Void> release(String tenantId, LocalDate day) {
        return db.collection(ROLLUP_RUNS).flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", tenantId), Filters.eq("lastDay", day.toString())),
                Updates.set("lastDay", day.minusDays(1).toString())))).then();
    }
}
