package io.dinechat.localstack.whatsapp;

/** The webhook could not be posted at all: no URL set yet, or the endpoint was unreachable. */
public final class WebhookDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebhookDeliveryException(String message) {
        super(message);
    }

    WebhookDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
