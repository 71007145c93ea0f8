package io.dinechat.conversation.domain;

import java.time.Instant;

/**
 * A WhatsApp message in a conversation, as the webhook carried it: from the guest, or an echo of
 * what staff typed in the WhatsApp Business App.
 *
 * @param eventId   the event's id on the inbound topic
 * @param messageId WhatsApp's message id (wamid), unique: redeliveries carry the same one
 * @param text      what a person would read (text, button title, caption), null for media without caption
 * @param rawJson   Meta's message object, kept for the log
 */
public record GuestMessage(String eventId, ConversationKey conversation, String guestName, String messageId,
        Instant sentAt, String type, String text, String rawJson, boolean fromStaff) {
}
