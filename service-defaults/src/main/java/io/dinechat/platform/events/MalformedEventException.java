package io.dinechat.platform.events;

/**
 * A record that can never be processed, whatever the number of retries (bad JSON, missing
 * headers, a body that breaks its schema). The ordered error handler sends it straight to the
 * dead-letter topic instead of retrying.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
