package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.conversation.domain.OutboundContent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Conversations and their messages. Every method runs inside a tenant transaction
 * ({@code TenantTransactions}); row-level security hides other businesses' rows.
 */
@Repository
public class Conversations {

    private final DatabaseClient db;
    private final OutboundMessages outbound;

    public Conversations(DatabaseClient db, OutboundMessages outbound) {
        this.db = db;
        this.outbound = outbound;
    }

    /**
     * Stores a message once. @return the stored message's id, or empty when this WhatsApp message
     * id was stored before (a redelivery)
     */
    public Mono<UUID> record(UUID tenantId, GuestMessage message) {
        UUID id = UUID.randomUUID();
        var insert = db.sql("""
                insert into messages (id, tenant_id, conversation_key, direction, author, whatsapp_message_id, type, body, payload, status)
                values (:id, :tenant, :key, :direction, :author, :wamid, :type, :body, cast(:payload as jsonb), :status)
                on conflict (tenant_id, whatsapp_message_id) where whatsapp_message_id is not null do nothing
                """)
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("key", message.conversation().toString())
                .bind("direction", message.fromStaff() ? "outbound" : "inbound")
                .bind("author", message.fromStaff() ? "staff" : "guest")
                .bind("wamid", message.messageId())
                .bind("type", message.type() == null ? "unknown" : message.type())
                .bind("payload", message.rawJson())
                .bind("status", message.fromStaff() ? "sent" : "received");
        insert = message.text() == null ? insert.bindNull("body", String.class) : insert.bind("body", message.text());
        return ensureConversation(tenantId, message)
                .then(insert.fetch().rowsUpdated())
                .flatMap(inserted -> inserted == 1 ? Mono.just(id) : Mono.empty());
    }

    private Mono<Void> ensureConversation(UUID tenantId, GuestMessage message) {
        var upsert = db.sql("""
                insert into conversations (tenant_id, conversation_key, phone_number_id, wa_id, guest_name, last_inbound_at)
                values (:tenant, :key, :pnid, :waId, :name, :at)
                on conflict (tenant_id, conversation_key) do update
                   set guest_name = coalesce(excluded.guest_name, conversations.guest_name),
                       last_inbound_at = greatest(conversations.last_inbound_at, excluded.last_inbound_at),
                       updated_at = now()
                """)
                .bind("tenant", tenantId)
                .bind("key", message.conversation().toString())
                .bind("pnid", message.conversation().phoneNumberId())
                .bind("waId", message.conversation().waId());
        upsert = message.guestName() == null ? upsert.bindNull("name", String.class) : upsert.bind("name", message.guestName());
        upsert = message.fromStaff() ? upsert.bindNull("at", Instant.class) : upsert.bind("at", message.sentAt() == null ? Instant.now() : message.sentAt());
        return upsert.fetch().rowsUpdated().then();
    }

    public Mono<Boolean> assistantSilenced(UUID tenantId, ConversationKey key, Instant now) {
        return db.sql("""
                select assistant_silenced_until > :now as silenced from conversations
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("now", now).bind("tenant", tenantId).bind("key", key.toString())
                .map(row -> Boolean.TRUE.equals(row.get("silenced", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    public Mono<Void> silenceAssistant(UUID tenantId, ConversationKey key, Instant until) {
        return db.sql("""
                update conversations set assistant_silenced_until = greatest(assistant_silenced_until, :until), updated_at = now()
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("until", until).bind("tenant", tenantId).bind("key", key.toString())
                .fetch().rowsUpdated().then();
    }

    /** Queues a text reply from the assistant. */
    public Mono<UUID> queueReply(UUID tenantId, ConversationKey key, String text) {
        return queueReply(tenantId, key, new OutboundContent.Text(text));
    }

    /**
     * Queues any kind of reply from the assistant (text, reply buttons, a list, a template); the
     * {@code ReplyDispatcher} sends it after the commit, or the template path when the 24-hour
     * window has closed. @return the queued message's id
     */
    public Mono<UUID> queueReply(UUID tenantId, ConversationKey key, OutboundContent content) {
        return outbound.queue(tenantId, key, content, null, "assistant");
    }
}
