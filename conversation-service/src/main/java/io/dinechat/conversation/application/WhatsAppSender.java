package io.dinechat.conversation.application;

import reactor.core.publisher.Mono;

/** Port to Meta's Graph API. Returns the WhatsApp message id of the sent message. */
public interface WhatsAppSender {

    Mono<String> sendText(String phoneNumberId, String accessToken, String to, String text);
}
