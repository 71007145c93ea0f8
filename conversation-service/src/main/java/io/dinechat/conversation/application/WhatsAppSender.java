package io.dinechat.conversation.application;

import io.dinechat.conversation.domain.OutboundContent;
import reactor.core.publisher.Mono;

/**
 * Port to Meta's Graph API for messages. Callers hold the business's decrypted access token;
 * {@link WhatsAppPresence} and {@link ReplyDispatcher} fetch it per tenant.
 */
public interface WhatsAppSender {

    /** Sends any kind of content. @return the WhatsApp message id (wamid) of the sent message */
    Mono<String> send(String phoneNumberId, String accessToken, String to, OutboundContent content);

    default Mono<String> sendText(String phoneNumberId, String accessToken, String to, String text) {
        return send(phoneNumberId, accessToken, to, new OutboundContent.Text(text));
    }

    /** Blue ticks on the guest's message. */
    Mono<Void> markRead(String phoneNumberId, String accessToken, String inboundMessageId);

    /** Marks the guest's message read and shows "typing…" until the reply is sent (or 25 s pass). */
    Mono<Void> typing(String phoneNumberId, String accessToken, String inboundMessageId);
}
