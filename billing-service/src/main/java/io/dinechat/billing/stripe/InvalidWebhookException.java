package io.dinechat.billing.stripe;

/** A webhook that is not Stripe's: bad or stale signature, or not a readable event. Answered 400. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }
}
