package io.dinechat.ingest.domain;

/** A correctly signed body that is not a WhatsApp Business Account webhook we can read. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
