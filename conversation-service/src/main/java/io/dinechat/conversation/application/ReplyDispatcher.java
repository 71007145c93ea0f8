package io.dinechat.conversation.application;

import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.OutboundReply;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.Conversations;
import io.dinechat.conversation.whatsapp.GraphApiException;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sends queued replies through the Graph API. The reply rows are locked while they are sent, so
 * the turn that queued a reply and the sweeper that retries leftovers never send it twice; a reply
 * that keeps failing is marked failed after a bounded number of attempts.
 */
@Service
public class ReplyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReplyDispatcher.class);
    private static final int BATCH = 20;

    private final Conversations conversations;
    private final Channels channels;
    private final WhatsAppSender sender;
    private final TenantTransactions tenants;
    private final int maxAttempts;

    public ReplyDispatcher(Conversations conversations, Channels channels, WhatsAppSender sender,
            TenantTransactions tenants, ConversationProperties properties) {
        this.conversations = conversations;
        this.channels = channels;
        this.sender = sender;
        this.tenants = tenants;
        this.maxAttempts = properties.replies().maxAttempts();
    }

    public Mono<Void> dispatch(UUID tenantId) {
        return tenants.inTenantMany(tenantId,
                () -> conversations.lockQueuedReplies(tenantId, BATCH).concatMap(this::send)).then();
    }

    private Mono<Void> send(OutboundReply reply) {
        var to = reply.conversation();
        return channels.accessToken(reply.tenantId(), to.phoneNumberId())
                .flatMap(token -> sender.sendText(to.phoneNumberId(), token, to.waId(), reply.text()))
                .flatMap(wamid -> conversations.markSent(reply.tenantId(), reply.id(), wamid))
                .onErrorResume(failure -> {
                    boolean retry = (!(failure instanceof GraphApiException meta) || meta.isTransient())
                            && reply.attempts() + 1 < maxAttempts;
                    log.warn("Reply {} to {} not sent (attempt {}): {}{}", reply.id(), to, reply.attempts() + 1,
                            failure.getMessage(), retry ? "; will retry" : "; giving up");
                    return conversations.markAttemptFailed(reply.tenantId(), reply.id(), !retry);
                });
    }
}
