package io.dinechat.conversation.domain;

import java.util.UUID;

/** A business's WhatsApp number as routing sees it: which business and branch it belongs to. */
public record Channel(String phoneNumberId, UUID tenantId, UUID branchId) {
}
