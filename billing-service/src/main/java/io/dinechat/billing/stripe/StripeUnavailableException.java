package io.dinechat.billing.stripe;

/**
 * Stripe could not be reached or refused a call. The message names the operation and Stripe's
 * error code only: never an API key, never a customer's payment details.
 */
public class StripeUnavailableException extends RuntimeException {

    public StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
