package io.dinechat.conversation.application;

import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.Channel;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.conversation.domain.ReplyComposer;
import io.dinechat.conversation.messaging.ConversationEvents;
import io.dinechat.conversation.persistence.CatalogReadModel;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.Conversations;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One turn of a conversation: store the guest's message exactly once, decide the answer from the
 * restaurant's data, queue it, all in one tenant transaction with the events it produces; then
 * send what is queued. A redelivered message is recognised by its WhatsApp id and changes nothing.
 */
@Service
public class ConversationTurns {

    private static final Logger log = LoggerFactory.getLogger(ConversationTurns.class);

    private final Channels channels;
    private final Conversations conversations;
    private final CatalogReadModel catalog;
    private final ConversationEvents events;
    private final TenantTransactions tenants;
    private final ReplyDispatcher dispatcher;
    private final ConversationProperties properties;
    private final Clock clock;

    public ConversationTurns(Channels channels, Conversations conversations, CatalogReadModel catalog,
            ConversationEvents events, TenantTransactions tenants, ReplyDispatcher dispatcher,
            ConversationProperties properties, Clock clock) {
        this.channels = channels;
        this.conversations = conversations;
        this.catalog = catalog;
        this.events = events;
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> handle(GuestMessage message) {
        String phoneNumberId = message.conversation().phoneNumberId();
        return channels.resolve(phoneNumberId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(channel -> channel.isPresent()
                        ? tenants.inTenant(channel.get().tenantId(), () -> takeTurn(channel.get(), message))
                                .then(dispatcher.dispatch(channel.get().tenantId()))
                        : unrouted(message));
    }

    private Mono<Void> takeTurn(Channel channel, GuestMessage message) {
        var tenantId = channel.tenantId();
        return conversations.record(tenantId, message)
                .flatMap(storedId -> events.messageLogged(tenantId, message, storedId)
                        .then(message.fromStaff()
                                ? conversations.silenceAssistant(tenantId, message.conversation(),
                                        clock.instant().plus(properties.humanTakeover()))
                                : answer(channel, message)))
                .then();
    }

    private Mono<Void> answer(Channel channel, GuestMessage message) {
        var tenantId = channel.tenantId();
        return conversations.assistantSilenced(tenantId, message.conversation(), clock.instant())
                .flatMap(silenced -> silenced
                        ? Mono.<Void>empty()
                        : catalog.facts(tenantId)
                                .map(facts -> ReplyComposer.compose(facts, message.guestName(), message.text(),
                                        clock.instant()))
                                .flatMap(reply -> conversations.queueReply(tenantId, message.conversation(), reply)
                                        .flatMap(replyId -> events.replyQueued(tenantId, message.conversation(), replyId,
                                                reply))));
    }

    private Mono<Void> unrouted(GuestMessage message) {
        log.warn("No business has connected WhatsApp number {}; message {} recorded and ignored",
                message.conversation().phoneNumberId(), message.eventId());
        return channels.recordUnrouted(message.conversation().phoneNumberId(), message.eventId());
    }
}
