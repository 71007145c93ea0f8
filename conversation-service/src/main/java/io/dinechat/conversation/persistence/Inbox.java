package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.ConversationKey;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the dashboard's inbox reads: conversations with their newest message and who has them, and
 * one conversation's messages. Runs inside the caller's tenant transaction; row-level security
 * hides every other business.
 */
@Repository
public class Inbox {

    private final DatabaseClient db;

    public Inbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param handoff      assistant, staff or escalated
     * @param silencedUntil the assistant stays quiet until then (staff answered from the Business App)
     */
    public record ConversationSummary(String conversationKey, String guestPhone, String guestName, String handoff,
            String handoffReason, Instant silencedUntil, Instant reengageAt, String language, LastMessage lastMessage) {
    }

    public record LastMessage(String text, String direction, String author, String type, Instant at) {
    }

    public record MessageView(UUID id, String direction, String author, String type, String text, String status,
            Instant at) {
    }

    private static final String SUMMARY = """
            select c.conversation_key, c.wa_id, c.guest_name, c.assistant_silenced_until,
                   coalesce(s.handoff, 'assistant') as handoff, s.handoff_reason, s.reengage_at, s.language,
                   m.body, m.direction, m.author, m.type, m.created_at as last_at, c.updated_at
            from conversations c
            left join conversation_state s on s.tenant_id = c.tenant_id and s.conversation_key = c.conversation_key
            left join lateral (
                select body, direction, author, type, created_at from messages m
                where m.tenant_id = c.tenant_id and m.conversation_key = c.conversation_key
                order by m.created_at desc, m.id desc limit 1) m on true
            where c.tenant_id = :tenant
            """;

    /** Newest activity first. */
    public Flux<ConversationSummary> list(UUID tenantId, int limit) {
        return db.sql(SUMMARY + " order by coalesce(m.created_at, c.updated_at) desc limit :limit")
                .bind("tenant", tenantId).bind("limit", limit)
                .map((row, meta) -> summary(row))
                .all();
    }

    public Mono<ConversationSummary> one(UUID tenantId, ConversationKey key) {
        return db.sql(SUMMARY + " and c.conversation_key = :key")
                .bind("tenant", tenantId).bind("key", key.toString())
                .map((row, meta) -> summary(row))
                .one();
    }

    /** The newest {@code limit} messages, oldest first (the way a chat reads). */
    public Flux<MessageView> messages(UUID tenantId, ConversationKey key, int limit) {
        return db.sql("""
                select * from (
                    select id, direction, author, type, body, status, created_at from messages
                    where tenant_id = :tenant and conversation_key = :key
                    order by created_at desc, id desc limit :limit) newest
                order by created_at, id
                """)
                .bind("tenant", tenantId).bind("key", key.toString()).bind("limit", limit)
                .map(row -> new MessageView(row.get("id", UUID.class), row.get("direction", String.class),
                        row.get("author", String.class), row.get("type", String.class), row.get("body", String.class),
                        row.get("status", String.class), row.get("created_at", Instant.class)))
                .all();
    }

    /** Staff handed the conversation back: the Business App's silence window ends too. */
    public Mono<Void> endSilence(UUID tenantId, ConversationKey key) {
        return db.sql("""
                update conversations set assistant_silenced_until = null, updated_at = now()
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("tenant", tenantId).bind("key", key.toString()).fetch().rowsUpdated().then();
    }

    private static ConversationSummary summary(io.r2dbc.spi.Readable row) {
        Instant lastAt = row.get("last_at", Instant.class);
        LastMessage last = lastAt == null ? null : new LastMessage(row.get("body", String.class),
                row.get("direction", String.class), row.get("author", String.class), row.get("type", String.class),
                lastAt);
        return new ConversationSummary(row.get("conversation_key", String.class), row.get("wa_id", String.class),
                row.get("guest_name", String.class), row.get("handoff", String.class),
                row.get("handoff_reason", String.class), row.get("assistant_silenced_until", Instant.class),
                row.get("reengage_at", Instant.class), row.get("language", String.class), last);
    }
}
