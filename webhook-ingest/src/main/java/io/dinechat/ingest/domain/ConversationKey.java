package io.dinechat.ingest.domain;

import java.util.Objects;

/**
 * Identifies a conversation: the business number that received it and the guest's WhatsApp id.
 * It is the Kafka key of everything a conversation reads, so one conversation's events stay in
 * order on one partition.
 */
public record ConversationKey(String phoneNumberId, String waId) {

    public ConversationKey {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(waId, "waId");
    }

    @Override
    public String toString() {
        return phoneNumberId + ":" + waId;
    }
}
