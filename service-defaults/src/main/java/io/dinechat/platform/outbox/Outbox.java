package io.dinechat.platform.outbox;

import io.dinechat.platform.events.EventEnvelope;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes events into the {@code outbox} table inside the caller's transaction, so a state change
 * and the events it produces commit together (no dual writes). The {@link OutboxRelay} publishes
 * them afterwards.
 */
public class Outbox {

    private final DatabaseClient db;
    private final OutboxRelay relay;

    public Outbox(DatabaseClient db, OutboxRelay relay) {
        this.db = db;
        this.relay = relay;
    }

    public Mono<Void> append(String topic, EventEnvelope event) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                insert into outbox (event_id, topic, message_key, event_type, source, tenant_id, subject, occurred_at, payload)
                values (:eventId, :topic, :key, :type, :source, :tenantId, :subject, :occurredAt, :payload)
                """)
                .bind("eventId", UUID.fromString(event.id()))
                .bind("topic", topic)
                .bind("key", event.key())
                .bind("type", event.type())
                .bind("source", event.source())
                .bind("occurredAt", event.time())
                .bind("payload", event.json());
        insert = event.tenantId() == null ? insert.bindNull("tenantId", String.class) : insert.bind("tenantId", event.tenantId());
        insert = event.subject() == null ? insert.bindNull("subject", String.class) : insert.bind("subject", event.subject());
        return insert.fetch().rowsUpdated().then(wakeRelayAfterCommit());
    }

    /** The relay cannot see the row before the commit: wake it then, not at the next poll. */
    private Mono<Void> wakeRelayAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(relay::nudgeSoon);
                    }
                }))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(relay::nudgeSoon).then(Mono.empty()))
                .then();
    }
}
