package io.dinechat.billing.persistence;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@code stripe_events}: every Stripe event id received, and what it led to. Claiming the id and
 * the event's effect commit in one transaction, so a redelivery (Stripe retries for days) finds
 * the id taken and changes nothing, and a failed attempt leaves the id free for the retry.
 */
@Repository
public class StripeEvents {

    private final DatabaseClient db;

    public StripeEvents(DatabaseClient db) {
        this.db = db;
    }

    /** True the first time the event id is seen; a concurrent second delivery waits for the first to commit. */
    public Mono<Boolean> claim(String eventId, String type) {
        return db.sql("insert into stripe_events (event_id, type) values (:id, :type) on conflict (event_id) do nothing")
                .bind("id", eventId).bind("type", type)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Void> settle(String eventId, String outcome) {
        return db.sql("update stripe_events set processed_at = now(), outcome = :outcome where event_id = :id")
                .bind("id", eventId).bind("outcome", outcome)
                .fetch().rowsUpdated().then();
    }

    /** Records an event that needs no business (unknown types, unknown customers) in one step. @return false for a replay */
    public Mono<Boolean> record(String eventId, String type, String outcome) {
        return db.sql("""
                insert into stripe_events (event_id, type, processed_at, outcome) values (:id, :type, now(), :outcome)
                on conflict (event_id) do nothing
                """)
                .bind("id", eventId).bind("type", type).bind("outcome", outcome)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
