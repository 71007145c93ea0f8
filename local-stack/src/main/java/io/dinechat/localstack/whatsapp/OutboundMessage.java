package io.dinechat.localstack.whatsapp;

import java.time.Instant;

/**
 * A message the restaurant side sent through the Graph API stand-in and Meta accepted.
 *
 * @param wamid            the id returned to the sender
 * @param phoneNumberId    the business number it was sent from
 * @param to               the guest's WhatsApp id, digits only
 * @param type             the Cloud API message type: text, interactive, template, image, reaction...
 * @param text             the text body, or a one-line rendering for other types (interactive: its body text)
 * @param contextMessageId the message it replies to ({@code context.message_id}), or {@code null}
 * @param json             the request body exactly as sent
 * @param at               when the stand-in accepted it
 */
public record OutboundMessage(String wamid, String phoneNumberId, String to, String type, String text,
                              String contextMessageId, String json, Instant at) implements ChatMessage {

    @Override
    public String messageId() {
        return wamid;
    }

    @Override
    public String waId() {
        return to;
    }
}
