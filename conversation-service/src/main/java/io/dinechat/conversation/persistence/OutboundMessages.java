package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundReply;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sending side of {@code messages}: queued replies and notifications, what became of each send,
 * and delivery statuses from Meta. Every method runs inside a tenant transaction.
 */
@Repository
public class OutboundMessages {

    private final DatabaseClient db;

    public OutboundMessages(DatabaseClient db) {
        this.db = db;
    }

    /** Queues content for a guest; {@code fallback} is sent instead when the 24-hour window has closed. */
    public Mono<UUID> queue(UUID tenantId, ConversationKey key, OutboundContent content, OutboundContent.Template fallback,
            String author) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into messages (id, tenant_id, conversation_key, direction, author, type, body, payload, status)
                values (:id, :tenant, :key, 'outbound', :author, :type, :body, cast(:payload as jsonb), 'queued')
                """)
                .bind("id", id).bind("tenant", tenantId).bind("key", key.toString()).bind("author", author)
                .bind("type", content.wireType()).bind("body", content.readable())
                .bind("payload", OutboundPayloads.write(content, fallback))
                .fetch().rowsUpdated().thenReturn(id);
    }

    /**
     * Queues a notification once per notification id (redeliveries of the request are no-ops); the
     * conversation row is created if the guest never wrote (then only the template can go out).
     * @return the message id, or empty when this notification was queued before
     */
    public Mono<UUID> queueNotification(UUID tenantId, ConversationKey key, UUID notificationId, OutboundContent content,
            OutboundContent.Template fallback, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        var conversation = db.sql("""
                insert into conversations (tenant_id, conversation_key, phone_number_id, wa_id)
                values (:tenant, :key, :pnid, :waId) on conflict (tenant_id, conversation_key) do nothing
                """)
                .bind("tenant", tenantId).bind("key", key.toString()).bind("pnid", key.phoneNumberId())
                .bind("waId", key.waId());
        var insert = db.sql("""
                insert into messages (id, tenant_id, conversation_key, direction, author, type, body, payload, status,
                                      notification_id, expires_at)
                values (:id, :tenant, :key, 'outbound', 'assistant', :type, :body, cast(:payload as jsonb), 'queued',
                        :notification, :expires)
                on conflict (tenant_id, notification_id) where notification_id is not null do nothing
                """)
                .bind("id", id).bind("tenant", tenantId).bind("key", key.toString())
                .bind("type", content.wireType()).bind("body", content.readable())
                .bind("payload", OutboundPayloads.write(content, fallback))
                .bind("notification", notificationId);
        insert = expiresAt == null ? insert.bindNull("expires", Instant.class) : insert.bind("expires", expiresAt);
        return conversation.fetch().rowsUpdated()
                .then(insert.fetch().rowsUpdated())
                .flatMap(n -> n == 1 ? Mono.just(id) : Mono.empty());
    }

    /**
     * Queued messages of a business, oldest first, with when their guest last wrote; locked so two
     * dispatchers never send one twice.
     */
    public Flux<OutboundReply> lockQueued(UUID tenantId, int limit) {
        return db.sql("""
                select m.id, m.conversation_key, m.body, m.payload::text as payload, m.expires_at, m.attempts,
                       c.last_inbound_at
                from messages m join conversations c on c.tenant_id = m.tenant_id and c.conversation_key = m.conversation_key
                where m.tenant_id = :tenant and m.status = 'queued'
                  and (m.next_attempt_at is null or m.next_attempt_at <= now())
                order by m.created_at limit :limit
                for update of m skip locked
                """)
                .bind("tenant", tenantId).bind("limit", limit)
                .map(row -> {
                    String payload = row.get("payload", String.class);
                    // Rows queued before content kinds existed carry only their text.
                    OutboundContent content = payload == null
                            ? new OutboundContent.Text(row.get("body", String.class))
                            : OutboundPayloads.content(payload);
                    return new OutboundReply(row.get("id", UUID.class), tenantId,
                            ConversationKey.parse(row.get("conversation_key", String.class)), content,
                            payload == null ? null : OutboundPayloads.fallback(payload),
                            row.get("expires_at", Instant.class), row.get("last_inbound_at", Instant.class),
                            row.get("attempts", Integer.class));
                })
                .all();
    }

    /**
     * Records the send and applies any status Meta reported before this commit (a fast "delivered"
     * can overtake our own bookkeeping).
     */
    public Mono<Void> markSent(UUID tenantId, UUID id, String whatsappMessageId, OutboundContent sent) {
        var update = db.sql("""
                update messages set status = 'sent', whatsapp_message_id = :wamid, attempts = attempts + 1,
                       type = :type, body = :body, error_code = null, error_detail = null, updated_at = now()
                where tenant_id = :tenant and id = :id
                """)
                .bind("wamid", whatsappMessageId).bind("type", sent.wireType()).bind("body", sent.readable())
                .bind("tenant", tenantId).bind("id", id);
        var early = db.sql("""
                with early as (
                    delete from early_statuses where tenant_id = :tenant and whatsapp_message_id = :wamid
                    returning status, error_code, error_detail),
                best as (select * from early order by delivery_rank(status) desc limit 1)
                update messages m set status = best.status, error_code = best.error_code,
                       error_detail = best.error_detail, updated_at = now()
                from best
                where m.tenant_id = :tenant and m.id = :id and delivery_rank(best.status) > delivery_rank(m.status)
                """)
                .bind("tenant", tenantId).bind("wamid", whatsappMessageId).bind("id", id);
        return update.fetch().rowsUpdated().then(early.fetch().rowsUpdated()).then();
    }

    /**
     * One attempt failed; {@code giveUp} marks the message failed for good, with Meta's code and
     * reason; otherwise the next attempt waits {@code retryIn}.
     */
    public Mono<Void> markAttemptFailed(UUID tenantId, UUID id, boolean giveUp, int errorCode, String errorDetail,
            java.time.Duration retryIn) {
        return db.sql("""
                update messages set attempts = attempts + 1, status = case when :giveUp then 'failed' else status end,
                       error_code = :code, error_detail = :detail, updated_at = now(),
                       next_attempt_at = now() + make_interval(secs => :retryIn)
                where tenant_id = :tenant and id = :id
                """)
                .bind("giveUp", giveUp).bind("code", errorCode).bind("detail", truncate(errorDetail))
                .bind("retryIn", retryIn.toMillis() / 1000.0)
                .bind("tenant", tenantId).bind("id", id)
                .fetch().rowsUpdated().then();
    }

    /** A notification past its {@code expiresAt}: never sent. */
    public Mono<Void> markExpired(UUID tenantId, UUID id) {
        return db.sql("update messages set status = 'expired', updated_at = now() where tenant_id = :tenant and id = :id")
                .bind("tenant", tenantId).bind("id", id)
                .fetch().rowsUpdated().then();
    }

    /**
     * Applies a delivery status from Meta; never moves a message backwards (read stays read, a late
     * "sent" changes nothing). A status for a wamid not recorded yet is kept until it is.
     */
    public Mono<Void> applyStatus(UUID tenantId, String whatsappMessageId, String status, Integer errorCode,
            String errorDetail) {
        var sql = db.sql("""
                with known as (
                    select id from messages
                    where tenant_id = :tenant and whatsapp_message_id = :wamid and direction = 'outbound'),
                moved as (
                    update messages set status = :status, updated_at = now(),
                           error_code = coalesce(:code, error_code), error_detail = coalesce(:detail, error_detail)
                    where id in (select id from known) and delivery_rank(:status) > delivery_rank(status)
                    returning id)
                insert into early_statuses (tenant_id, whatsapp_message_id, status, error_code, error_detail)
                select :tenant, :wamid, :status, :code, :detail where not exists (select 1 from known)
                on conflict do nothing
                """)
                .bind("tenant", tenantId).bind("wamid", whatsappMessageId).bind("status", status);
        sql = errorCode == null ? sql.bindNull("code", Integer.class) : sql.bind("code", errorCode);
        sql = errorDetail == null ? sql.bindNull("detail", String.class) : sql.bind("detail", truncate(errorDetail));
        return sql.fetch().rowsUpdated().then();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
