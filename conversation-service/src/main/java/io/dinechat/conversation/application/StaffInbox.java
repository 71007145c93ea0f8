package io.dinechat.conversation.application;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.messaging.ConversationEvents;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.conversation.persistence.Inbox;
import io.dinechat.conversation.persistence.Inbox.ConversationSummary;
import io.dinechat.conversation.persistence.Inbox.MessageView;
import io.dinechat.conversation.persistence.OutboundMessages;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dashboard's side of conversations: the inbox, reading one conversation, taking it over from
 * the assistant, replying as staff and handing it back. The business is always the actor's; every
 * change is audited in the same transaction and announced on conversation.events.v1.
 */
@Service
public class StaffInbox {

    public static final int MAX_CONVERSATIONS = 200;
    public static final int MAX_MESSAGES = 500;

    private final Inbox inbox;
    private final AssistantStates states;
    private final OutboundMessages outbound;
    private final ConversationEvents events;
    private final AuditTrail audit;
    private final TenantTransactions tenants;
    private final ReplyDispatcher dispatcher;
    private final Clock clock;

    public StaffInbox(Inbox inbox, AssistantStates states, OutboundMessages outbound, ConversationEvents events,
            AuditTrail audit, TenantTransactions tenants, ReplyDispatcher dispatcher, Clock clock) {
        this.inbox = inbox;
        this.states = states;
        this.outbound = outbound;
        this.events = events;
        this.audit = audit;
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The conversation is not in this business (or does not exist: the two are not told apart). */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super("no such conversation");
        }
    }

    public record Conversation(ConversationSummary summary, List<MessageView> messages) {
    }

    public Mono<List<ConversationSummary>> list(Actor actor, int limit) {
        return tenants.inTenant(actor.tenantId(), () -> inbox.list(actor.tenantId(),
                Math.clamp(limit, 1, MAX_CONVERSATIONS)).collectList());
    }

    public Mono<Conversation> read(Actor actor, ConversationKey key, int limit) {
        return tenants.inTenant(actor.tenantId(), () -> existing(actor, key).flatMap(summary -> inbox
                .messages(actor.tenantId(), key, Math.clamp(limit, 1, MAX_MESSAGES)).collectList()
                .map(messages -> new Conversation(summary, messages))));
    }

    /** Staff takes the conversation: the assistant stays silent until it is handed back. */
    public Mono<ConversationSummary> takeOver(Actor actor, ConversationKey key) {
        return tenants.inTenant(actor.tenantId(), () -> existing(actor, key)
                .flatMap(before -> moveTo(actor, key, before, "staff", "taken_over", "conversation.taken_over")
                        .then(inbox.one(actor.tenantId(), key))));
    }

    /** The assistant answers again; the silence after a Business App reply ends as well. */
    public Mono<ConversationSummary> handBack(Actor actor, ConversationKey key) {
        return tenants.inTenant(actor.tenantId(), () -> existing(actor, key)
                .flatMap(before -> moveTo(actor, key, before, "assistant", "handed_back", "conversation.handed_back")
                        .then(inbox.endSilence(actor.tenantId(), key))
                        .then(inbox.one(actor.tenantId(), key))));
    }

    /**
     * Queues a staff reply (sent by the WhatsApp edge like any other, so the 24-hour window and rate
     * limits apply) and takes the conversation over if the assistant still had it.
     */
    public Mono<MessageView> reply(Actor actor, ConversationKey key, String text) {
        UUID tenantId = actor.tenantId();
        var content = new OutboundContent.Text(text);
        return tenants.inTenant(tenantId, () -> existing(actor, key).flatMap(before -> {
                    Mono<Void> takeOver = "staff".equals(before.handoff()) ? Mono.empty()
                            : moveTo(actor, key, before, "staff", "staff_replied", "conversation.taken_over");
                    return takeOver
                            .then(outbound.queue(tenantId, key, content, null, "staff"))
                            .flatMap(id -> events.replyQueued(tenantId, key, id, content.readable(), "staff")
                                    .then(audit.record(actor, "conversation.staff_replied", "conversation",
                                            key.toString(), null, Map.of("messageId", id.toString())))
                                    .thenReturn(new MessageView(id, "outbound", "staff", content.wireType(),
                                            content.readable(), "queued", clock.instant())));
                }))
                .flatMap(view -> dispatcher.dispatch(tenantId).onErrorResume(e -> Mono.empty()).thenReturn(view));
    }

    public Mono<AssistantStates.Settings> settings(Actor actor) {
        return tenants.inTenant(actor.tenantId(), () -> states.settings(actor.tenantId()));
    }

    public Mono<AssistantStates.Settings> saveSettings(Actor actor, AssistantStates.Settings settings) {
        return tenants.inTenant(actor.tenantId(), () -> states.settings(actor.tenantId()).flatMap(before ->
                states.saveSettings(actor.tenantId(), settings)
                        .then(audit.record(actor, "assistant_settings.updated", "assistant_settings",
                                actor.tenantId().toString(), before, settings))
                        .thenReturn(settings)));
    }

    private Mono<ConversationSummary> existing(Actor actor, ConversationKey key) {
        return inbox.one(actor.tenantId(), key).switchIfEmpty(Mono.error(NotFound::new));
    }

    private Mono<Void> moveTo(Actor actor, ConversationKey key, ConversationSummary before, String handoff,
            String reason, String action) {
        UUID tenantId = actor.tenantId();
        return states.lock(tenantId, key)
                .then(states.handoff(tenantId, key, handoff, reason, clock.instant(), null))
                .then(events.handoffChanged(tenantId, key, handoff, actor.userId().toString(), reason))
                .then(audit.record(actor, action, "conversation", key.toString(),
                        Map.of("handoff", before.handoff()), Map.of("handoff", handoff)));
    }
}
