package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.conversation.domain.OutboundReply;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations and their messages. Every method runs inside a tenant transaction
 * ({@code TenantTransactions}); row-level security hides other businesses' rows.
 */
@Repository
public class Conversations {

    private final DatabaseClient db;

    public Conversations(DatabaseClient db) {
        this.db = db;
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

    public Mono<UUID> queueReply(UUID tenantId, ConversationKey key, String text) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into messages (id, tenant_id, conversation_key, direction, author, type, body, status)
                values (:id, :tenant, :key, 'outbound', 'assistant', 'text', :body, 'queued')
                """)
                .bind("id", id).bind("tenant", tenantId).bind("key", key.toString()).bind("body", text)
                .fetch().rowsUpdated().thenReturn(id);
    }

    /** Queued replies of a business, oldest first; locked so two dispatchers never send one twice. */
    public Flux<OutboundReply> lockQueuedReplies(UUID tenantId, int limit) {
        return db.sql("""
                select id, conversation_key, body, attempts from messages
                where tenant_id = :tenant and status = 'queued'
                order by created_at limit :limit
                for update skip locked
                """)
                .bind("tenant", tenantId).bind("limit", limit)
                .map(row -> new OutboundReply(row.get("id", UUID.class), tenantId,
                        ConversationKey.parse(row.get("conversation_key", String.class)), row.get("body", String.class),
                        row.get("attempts", Integer.class)))
                .all();
    }

    public Mono<Void> markSent(UUID tenantId, UUID id, String whatsappMessageId) {
        return db.sql("""
                update messages set status = 'sent', whatsapp_message_id = :wamid, attempts = attempts + 1, updated_at = now()
                where tenant_id = :tenant and id = :id
                """)
                .bind("wamid", whatsappMessageId).bind("tenant", tenantId).bind("id", id)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> markAttemptFailed(UUID tenantId, UUID id, boolean giveUp) {
        return db.sql("""
                update messages set attempts = attempts + 1, status = case when :giveUp then 'failed' else status end,
                       updated_at = now()
                where tenant_id = :tenant and id = :id
                """)
                .bind("giveUp", giveUp).bind("tenant", tenantId).bind("id", id)
                .fetch().rowsUpdated().then();
    }

    /** Applies a delivery status from Meta; never moves a message backwards (read stays read). */
    public Mono<Void> applyStatus(UUID tenantId, String whatsappMessageId, String status) {
        return db.sql("""
                update messages set status = :status, updated_at = now()
                where tenant_id = :tenant and whatsapp_message_id = :wamid and direction = 'outbound'
                  and (case status when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 else 4 end)
                    < (case :status when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'failed' then 4 else -1 end)
                """)
                .bind("status", status).bind("tenant", tenantId).bind("wamid", whatsappMessageId)
                .fetch().rowsUpdated().then();
    }
}
