package io.dinechat.platform.outbox;

import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.events.EventPublisher;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows in insertion order and deletes them once Kafka has acknowledged them.
 *
 * <p>Only one replica relays at a time (a transaction-scoped advisory lock), because two relays
 * taking interleaved batches could publish one conversation's events out of order. Delivery is
 * at least once: a crash between the acknowledgement and the delete republishes the batch, which
 * every consumer tolerates by deduplicating on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: one relay leader per database. */
    private static final long LEADER_LOCK = 0x0D1_0E_C4A7L;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventPublisher publisher;
    private final Duration pollInterval;
    private final int batchSize;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;
    private boolean autoStartup = true;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, EventPublisher publisher, Duration pollInterval,
            int batchSize) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /** Asks for a relay pass now instead of at the next poll. */
    public void nudgeSoon() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /** Relays until the outbox is empty; returns how many events went out. Used by the loop and by tests. */
    public Mono<Integer> relayPending() {
        return relayBatch().expand(sent -> sent == batchSize ? relayBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> relayBatch() {
        Mono<Integer> batch = db.sql("select pg_try_advisory_xact_lock(:lock) as leader")
                .bind("lock", LEADER_LOCK)
                .map(row -> Boolean.TRUE.equals(row.get("leader", Boolean.class)))
                .one()
                .flatMap(leader -> leader ? publishOldest() : Mono.just(0));
        return tx.transactional(batch);
    }

    private Mono<Integer> publishOldest() {
        return db.sql("""
                select seq, event_id, topic, message_key, event_type, source, tenant_id, subject, occurred_at, payload
                from outbox order by seq limit :limit
                """)
                .bind("limit", batchSize)
                .map(row -> new PendingEvent(row.get("seq", Long.class), row.get("topic", String.class),
                        new EventEnvelope(row.get("event_id", java.util.UUID.class).toString(),
                                row.get("event_type", String.class), row.get("source", String.class),
                                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                                row.get("tenant_id", String.class), row.get("subject", String.class),
                                row.get("message_key", String.class), toBytes(row.get("payload")))))
                .all()
                .collectList()
                .flatMap(this::publishAndForget);
    }

    private Mono<Integer> publishAndForget(List<PendingEvent> pending) {
        if (pending.isEmpty()) {
            return Mono.just(0);
        }
        // Group by topic but keep the insertion order inside each topic.
        Map<String, List<EventEnvelope>> byTopic = new LinkedHashMap<>();
        pending.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p.event()));
        Long[] seqs = pending.stream().map(PendingEvent::seq).toArray(Long[]::new);
        return Flux.fromIterable(byTopic.entrySet())
                .concatMap(e -> publisher.publishAll(e.getKey(), e.getValue()))
                .then(db.sql("delete from outbox where seq = any(:seqs)").bind("seqs", seqs).fetch().rowsUpdated())
                .thenReturn(pending.size());
    }

    private static byte[] toBytes(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        throw new IllegalStateException("unexpected outbox payload type " + payload);
    }

    @Override
    public void start() {
        Flux<Boolean> ticks = Flux.merge(Flux.interval(pollInterval).map(t -> Boolean.TRUE),
                nudges.asFlux());
        loop = ticks.onBackpressureDrop()
                .concatMap(t -> relayPending()
                        .onErrorResume(e -> {
                            log.warn("Outbox relay pass failed, will retry: {}", e.toString());
                            return Mono.just(0);
                        }), 1)
                .subscribeOn(Schedulers.parallel())
                .subscribe();
        log.info("Outbox relay started (poll every {} ms, batches of {})", pollInterval.toMillis(), batchSize);
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer and the connection pool go away.
        return Integer.MAX_VALUE - 100;
    }

    private record PendingEvent(long seq, String topic, EventEnvelope event) {
    }
}
