package io.dinechat.conversation.domain;

import java.util.Objects;

/** {@code <phone_number_id>:<wa_id>}: the business number and the guest, and the Kafka key of the conversation. */
public record ConversationKey(String phoneNumberId, String waId) {

    public ConversationKey {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(waId, "waId");
    }

    public static ConversationKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a conversation key: " + key);
        }
        return new ConversationKey(key.substring(0, colon), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return phoneNumberId + ":" + waId;
    }
}
