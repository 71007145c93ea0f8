package io.dinechat.localstack.whatsapp;

import java.time.Instant;

/** One line of a guest's chat with a restaurant number, in either direction. */
public sealed interface ChatMessage permits GuestMessage, OutboundMessage {

    /** The wamid Meta would have assigned. */
    String messageId();

    String phoneNumberId();

    /** The guest's WhatsApp id (digits only). */
    String waId();

    /** The message's text, or a one-line rendering of what is not text. */
    String text();

    Instant at();
}
