package io.dinechat.conversation.persistence;

import io.dinechat.conversation.dialog.DialogState;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.understanding.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant's state per conversation (dialog, language, branch, pending turn, handoff). Every
 * method runs inside the business's tenant transaction; {@link #lock} serialises the inbound
 * consumer, the coalescing flush and the answer consumers on one conversation.
 */
@Repository
public class AssistantStates {

    private final DatabaseClient db;
    private final JsonMapper json;

    public AssistantStates(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The persisted state of one conversation. */
    public record State(UUID tenantId, ConversationKey key, Language language, UUID branchId, DialogState dialog,
            Instant turnDueAt, Instant turnOpenedAt, String handoff, Instant handoffSince, Instant reengageAt,
            Instant silencedUntil, String guestName) {

        public boolean assistantAnswers(Instant now) {
            return "assistant".equals(handoff) && (silencedUntil == null || !silencedUntil.isAfter(now));
        }
    }

    /** Creates the state row if needed and locks it until the transaction ends. */
    public Mono<State> lock(UUID tenantId, ConversationKey key) {
        return db.sql("""
                insert into conversation_state (tenant_id, conversation_key) values (:tenant, :key)
                on conflict (tenant_id, conversation_key) do nothing
                """)
                .bind("tenant", tenantId).bind("key", key.toString())
                .fetch().rowsUpdated()
                .then(db.sql("""
                        select s.language, s.branch_id, s.dialog::text as dialog, s.turn_due_at, s.turn_opened_at,
                               s.handoff, s.handoff_since, s.reengage_at, c.assistant_silenced_until, c.guest_name
                        from conversation_state s
                        join conversations c on c.tenant_id = s.tenant_id and c.conversation_key = s.conversation_key
                        where s.tenant_id = :tenant and s.conversation_key = :key
                        for update of s
                        """)
                        .bind("tenant", tenantId).bind("key", key.toString())
                        .map(row -> new State(tenantId, key,
                                Language.fromWireName(row.get("language", String.class)).orElse(null),
                                row.get("branch_id", UUID.class), dialog(row.get("dialog", String.class)),
                                row.get("turn_due_at", Instant.class), row.get("turn_opened_at", Instant.class),
                                row.get("handoff", String.class), row.get("handoff_since", Instant.class),
                                row.get("reengage_at", Instant.class), row.get("assistant_silenced_until", Instant.class),
                                row.get("guest_name", String.class)))
                        .one());
    }

    private DialogState dialog(String stored) {
        if (stored == null || stored.equals("{}")) {
            return DialogState.idle();
        }
        return json.readValue(stored, DialogState.class);
    }

    public Mono<Void> saveDialog(UUID tenantId, ConversationKey key, DialogState dialog, Language language,
            UUID branchId) {
        var update = db.sql("""
                update conversation_state set dialog = cast(:dialog as jsonb), language = coalesce(:language, language),
                       branch_id = coalesce(:branch, branch_id), pending_command_id = :pending,
                       unresolved_turns = :unresolved, updated_at = now()
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("dialog", json.writeValueAsString(dialog))
                .bind("unresolved", dialog.unresolved())
                .bind("tenant", tenantId).bind("key", key.toString());
        update = language == null ? update.bindNull("language", String.class) : update.bind("language", language.wireName());
        update = branchId == null ? update.bindNull("branch", UUID.class) : update.bind("branch", branchId);
        update = dialog.pendingCommandId() == null ? update.bindNull("pending", UUID.class)
                : update.bind("pending", dialog.pendingCommandId());
        return update.fetch().rowsUpdated().then();
    }

    /** Opens or extends the coalescing window: due at {@code due}, never later than {@code cap} after it opened. */
    public Mono<Void> scheduleTurn(UUID tenantId, ConversationKey key, Instant now, java.time.Duration window,
            java.time.Duration cap) {
        return db.sql("""
                update conversation_state
                   set turn_opened_at = coalesce(turn_opened_at, :now),
                       turn_due_at = least(:due, coalesce(turn_opened_at, :now) + cast(:cap as interval)),
                       updated_at = now()
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("now", now).bind("due", now.plus(window)).bind("cap", cap.toMillis() + " milliseconds")
                .bind("tenant", tenantId).bind("key", key.toString())
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> clearTurn(UUID tenantId, ConversationKey key) {
        return db.sql("""
                update conversation_state set turn_due_at = null, turn_opened_at = null
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("tenant", tenantId).bind("key", key.toString()).fetch().rowsUpdated().then();
    }

    /** A guest message waiting for the next turn. */
    public record Unanswered(UUID id, String whatsappMessageId, String type, String text, String payload,
            Instant receivedAt) {
    }

    public Flux<Unanswered> unanswered(UUID tenantId, ConversationKey key) {
        return db.sql("""
                select id, whatsapp_message_id, type, body, payload::text as payload, created_at from messages
                where tenant_id = :tenant and conversation_key = :key and direction = 'inbound' and turn_id is null
                order by created_at, id
                """)
                .bind("tenant", tenantId).bind("key", key.toString())
                .map(row -> new Unanswered(row.get("id", UUID.class), row.get("whatsapp_message_id", String.class),
                        row.get("type", String.class), row.get("body", String.class), row.get("payload", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    public Mono<Void> markAnswered(UUID tenantId, List<UUID> messageIds, UUID turnId) {
        if (messageIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update messages set turn_id = :turn where tenant_id = :tenant and id = any(:ids)")
                .bind("turn", turnId).bind("tenant", tenantId).bind("ids", messageIds.toArray(UUID[]::new))
                .fetch().rowsUpdated().then();
    }

    /** Moves the conversation between assistant, staff and escalated; re-engagement due at {@code reengageAt}. */
    public Mono<Void> handoff(UUID tenantId, ConversationKey key, String state, String reason, Instant at,
            Instant reengageAt) {
        var update = db.sql("""
                update conversation_state set handoff = :state, handoff_reason = :reason, handoff_since = :at,
                       reengage_at = :reengage, updated_at = now()
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("state", state).bind("at", at).bind("tenant", tenantId).bind("key", key.toString());
        update = reason == null ? update.bindNull("reason", String.class) : update.bind("reason", reason);
        update = reengageAt == null ? update.bindNull("reengage", Instant.class) : update.bind("reengage", reengageAt);
        return update.fetch().rowsUpdated().then();
    }

    /** Staff answered from the Business App: the escalation is answered (the silence window keeps the assistant quiet). */
    public Mono<Void> cancelReengagement(UUID tenantId, ConversationKey key) {
        return db.sql("""
                update conversation_state set reengage_at = null,
                       handoff = case when handoff = 'escalated' then 'assistant' else handoff end
                where tenant_id = :tenant and conversation_key = :key
                """)
                .bind("tenant", tenantId).bind("key", key.toString()).fetch().rowsUpdated().then();
    }

    /** Per-business settings: engine (offline|llm, null = default) and the owner's alert number. */
    public record Settings(String engine, String ownerAlertPhone) {
        static final Settings DEFAULT = new Settings(null, null);
    }

    public Mono<Settings> settings(UUID tenantId) {
        return db.sql("select engine, owner_alert_phone from assistant_settings where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> new Settings(row.get("engine", String.class), row.get("owner_alert_phone", String.class)))
                .one().defaultIfEmpty(Settings.DEFAULT);
    }

    public Mono<Void> saveSettings(UUID tenantId, Settings settings) {
        var upsert = db.sql("""
                insert into assistant_settings (tenant_id, engine, owner_alert_phone) values (:tenant, :engine, :phone)
                on conflict (tenant_id) do update set engine = excluded.engine,
                    owner_alert_phone = excluded.owner_alert_phone, updated_at = now()
                """).bind("tenant", tenantId);
        upsert = settings.engine() == null ? upsert.bindNull("engine", String.class) : upsert.bind("engine", settings.engine());
        upsert = settings.ownerAlertPhone() == null ? upsert.bindNull("phone", String.class)
                : upsert.bind("phone", settings.ownerAlertPhone());
        return upsert.fetch().rowsUpdated().then();
    }

    /** Conversations of every business whose coalescing window has closed (definer function: keys only). */
    public Flux<ConversationRef> dueTurns(Instant now) {
        return db.sql("select tenant_id, conversation_key from conversations_with_due_turns(:now)").bind("now", now)
                .map(row -> new ConversationRef(row.get("tenant_id", UUID.class),
                        ConversationKey.parse(row.get("conversation_key", String.class))))
                .all();
    }

    public Flux<ConversationRef> dueReengagements(Instant now) {
        return db.sql("select tenant_id, conversation_key from conversations_to_reengage(:now)").bind("now", now)
                .map(row -> new ConversationRef(row.get("tenant_id", UUID.class),
                        ConversationKey.parse(row.get("conversation_key", String.class))))
                .all();
    }

    public record ConversationRef(UUID tenantId, ConversationKey key) {
    }

    /** Retention: businesses holding messages older than {@code before}. */
    public Flux<UUID> tenantsWithMessagesBefore(Instant before) {
        return db.sql("select t from tenants_with_messages_before(:before) t").bind("before", before)
                .map(row -> row.get("t", UUID.class)).all();
    }

    public Mono<Long> purgeMessagesBefore(UUID tenantId, Instant before) {
        return db.sql("delete from messages where tenant_id = :tenant and created_at < :before")
                .bind("tenant", tenantId).bind("before", before).fetch().rowsUpdated();
    }
}
