package io.dinechat.reservation.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The reply each command got, so a redelivered command is answered the same way and changes nothing. */
@Repository
public class CommandReplies {

    /** A reply as it went out: its event id and type, and the JSON body. */
    public record StoredReply(UUID eventId, String type, byte[] body) {
    }

    private final DatabaseClient db;

    public CommandReplies(DatabaseClient db) {
        this.db = db;
    }

    public Mono<StoredReply> find(UUID commandId) {
        return db.sql("select reply_event_id, reply_type, reply from reservation_commands where command_id = :id")
                .bind("id", commandId)
                .map(row -> new StoredReply(row.get("reply_event_id", UUID.class), row.get("reply_type", String.class),
                        toBytes(row.get("reply"))))
                .one();
    }

    public Mono<Void> save(UUID tenantId, UUID commandId, StoredReply reply, Instant at) {
        return db.sql("""
                insert into reservation_commands (tenant_id, command_id, reply_event_id, reply_type, reply, created_at)
                values (:tenant, :command, :event, :type, :reply, :at)
                """)
                .bind("at", ReservationStore.utc(at))
                .bind("tenant", tenantId).bind("command", commandId).bind("event", reply.eventId())
                .bind("type", reply.type()).bind("reply", reply.body())
                .fetch().rowsUpdated().then();
    }

    /** True while the reply still waits in the outbox (so it must not be queued twice). */
    public Mono<Boolean> stillQueued(UUID eventId) {
        return db.sql("select count(*) as n from outbox where event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class) > 0).one();
    }

    public Mono<Long> purgeBefore(Instant cutoff) {
        return db.sql("delete from reservation_commands where created_at < :cutoff")
                .bind("cutoff", ReservationStore.utc(cutoff)).fetch().rowsUpdated();
    }

    static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        throw new IllegalStateException("unexpected reply column type " + value);
    }
}
