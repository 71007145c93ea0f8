package io.dinechat.platform.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Remembers which events a consumer has handled, inside the consumer's own transaction, so a
 * redelivered event has no second effect.
 */
public class ProcessedEvents {

    private final DatabaseClient db;

    public ProcessedEvents(DatabaseClient db) {
        this.db = db;
    }

    /** True the first time this consumer sees the event id; false for a redelivery. */
    public Mono<Boolean> firstDelivery(String consumer, String eventId) {
        return db.sql("""
                insert into processed_events (consumer, event_id) values (:consumer, :eventId)
                on conflict do nothing
                """)
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
