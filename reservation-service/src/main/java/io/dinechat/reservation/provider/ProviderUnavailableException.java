package io.dinechat.reservation.provider;

/**
 * The provider could not be asked: down, slow past its timeout, refusing our credentials, or its
 * circuit is open. The guest hears "the booking system is unavailable", never a hang.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
