package io.dinechat.conversation.application;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Read receipts and "typing…" for the assistant: the guest sees their message was read and an
 * answer is coming. Best effort: a failure is logged and swallowed, it must never cost the reply.
 * The token is read in a short tenant transaction; the call to Meta happens outside it.
 */
@Service
public class WhatsAppPresence {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppPresence.class);

    private final Channels channels;
    private final TenantTransactions tenants;
    private final WhatsAppSender sender;

    public WhatsAppPresence(Channels channels, TenantTransactions tenants, WhatsAppSender sender) {
        this.channels = channels;
        this.tenants = tenants;
        this.sender = sender;
    }

    public Mono<Void> markRead(UUID tenantId, ConversationKey conversation, String inboundMessageId) {
        return token(tenantId, conversation)
                .flatMap(token -> sender.markRead(conversation.phoneNumberId(), token, inboundMessageId))
                .onErrorResume(e -> quietly("read receipt", conversation, e));
    }

    public Mono<Void> typing(UUID tenantId, ConversationKey conversation, String inboundMessageId) {
        return token(tenantId, conversation)
                .flatMap(token -> sender.typing(conversation.phoneNumberId(), token, inboundMessageId))
                .onErrorResume(e -> quietly("typing indicator", conversation, e));
    }

    private Mono<String> token(UUID tenantId, ConversationKey conversation) {
        return tenants.inTenant(tenantId, () -> channels.sendingChannel(tenantId, conversation.phoneNumberId())
                .map(Channels.SendingChannel::accessToken));
    }

    private static Mono<Void> quietly(String what, ConversationKey conversation, Throwable e) {
        log.info("No {} for {}: {}", what, conversation, e.getMessage());
        return Mono.empty();
    }
}
