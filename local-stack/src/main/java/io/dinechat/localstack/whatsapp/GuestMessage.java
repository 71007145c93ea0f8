package io.dinechat.localstack.whatsapp;

import java.time.Instant;

/**
 * A message a simulated guest sent to a restaurant number.
 *
 * @param messageId     the wamid in the webhook
 * @param phoneNumberId the business number it went to
 * @param waId          the guest's WhatsApp id
 * @param name          the guest's profile name
 * @param type          {@code text} or {@code interactive}
 * @param text          what the guest typed, or the title of the button or row they tapped
 * @param reply         the tapped button or list row, or {@code null} for typed text
 * @param at            when the guest sent it
 */
public record GuestMessage(String messageId, String phoneNumberId, String waId, String name, String type,
                           String text, InteractiveReply reply, Instant at) implements ChatMessage {
}
