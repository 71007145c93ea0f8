package io.dinechat.reservation.application;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reservation changes as they commit, for the dashboard's live stream. Only changes made by this
 * instance are seen here; with several replicas each dashboard stream follows the replica it is on
 * (the dashboard still reloads the day on reconnect).
 */
@Component
public class LiveUpdates {

    /** What changed, for which business; {@code body} is the same body the event on Kafka carries. */
    public record Change(UUID tenantId, String type, Map<String, Object> body) {
    }

    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();

    public void publish(Change change) {
        changes.tryEmitNext(change);
    }

    /** Announces the change once the caller's transaction commits (never a change that rolled back). */
    public Mono<Void> publishAfterCommit(Change change) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(tx -> tx.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> publish(change));
                    }
                }))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> publish(change)).then(Mono.empty()))
                .then();
    }

    public Flux<Change> of(UUID tenantId) {
        return changes.asFlux().filter(c -> c.tenantId().equals(tenantId));
    }
}
