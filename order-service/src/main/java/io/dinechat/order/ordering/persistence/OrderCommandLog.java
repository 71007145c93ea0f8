package io.dinechat.order.ordering.persistence;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The reply each order command got, so a repeated command id gets the same reply again and never
 * a second order. Runs inside the business's tenant transaction.
 */
@Repository
public class OrderCommandLog {

    private final DatabaseClient db;

    public OrderCommandLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<StoredReply> find(UUID commandId) {
        return db.sql("""
                select tenant_id, command_id, conversation_key, reply_event_id, reply_type, reply, order_id
                from order_commands where command_id = :command
                """)
                .bind("command", commandId)
                .map(row -> new StoredReply(row.get("command_id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("conversation_key", String.class),
                        row.get("reply_event_id", UUID.class), row.get("reply_type", String.class),
                        bytes(row.get("reply")), row.get("order_id", UUID.class)))
                .one();
    }

    public Mono<Void> remember(UUID tenantId, UUID commandId, String commandType, StoredReply reply) {
        var insert = db.sql("""
                insert into order_commands (tenant_id, command_id, command_type, conversation_key, reply_event_id,
                                            reply_type, reply, order_id)
                values (:tenant, :command, :type, :conversation, :event, :replyType, :reply, :order)
                """)
                .bind("tenant", tenantId).bind("command", commandId).bind("type", commandType)
                .bind("conversation", reply.conversationKey()).bind("event", reply.eventId())
                .bind("replyType", reply.type()).bind("reply", reply.body());
        insert = reply.orderId() == null ? insert.bindNull("order", UUID.class) : insert.bind("order", reply.orderId());
        return insert.fetch().rowsUpdated().then();
    }

    /** Whether the outbox still holds the event (not yet relayed): then re-publishing it is pointless. */
    public Mono<Boolean> stillInOutbox(UUID eventId) {
        return db.sql("select count(*) as n from outbox where event_id = :id")
                .bind("id", eventId).map(row -> row.get("n", Long.class)).one().map(n -> n > 0);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.get(b);
            return b;
        }
        throw new IllegalStateException("unexpected reply column type " + value);
    }

    public record StoredReply(UUID commandId, UUID tenantId, String conversationKey, UUID eventId, String type, byte[] body,
            UUID orderId) {
    }
}
