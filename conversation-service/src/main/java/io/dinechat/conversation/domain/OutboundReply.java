package io.dinechat.conversation.domain;

import java.util.UUID;

/** A reply waiting to be sent to the guest through the Graph API. */
public record OutboundReply(UUID id, UUID tenantId, ConversationKey conversation, String text, int attempts) {
}
