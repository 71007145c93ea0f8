package io.dinechat.conversation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply waiting to be sent to the guest through the Graph API.
 *
 * @param fallback      the template to send instead when the 24-hour window is closed (null: none)
 * @param expiresAt     don't send after this instant (null: no limit)
 * @param lastInboundAt when the guest last wrote: the 24-hour window runs from here (null: never)
 */
public record OutboundReply(UUID id, UUID tenantId, ConversationKey conversation, OutboundContent content,
        OutboundContent.Template fallback, Instant expiresAt, Instant lastInboundAt, int attempts) {

    /** The text a person reads, for logs and the conversation log. */
    public String text() {
        return content.readable();
    }
}
