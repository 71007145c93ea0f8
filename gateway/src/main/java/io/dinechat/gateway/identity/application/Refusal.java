package io.dinechat.gateway.identity.application;

import java.time.Duration;

/** Why an identity request was refused; the web layer turns it into a problem+json answer. */
public final class Refusal extends RuntimeException {

    public enum Kind {
        INVALID_INPUT, INVALID_CREDENTIALS, TOTP_REQUIRED, THROTTLED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
        CONFLICT, INVALID_TOKEN
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public Refusal(Kind kind, String detail) {
        this(kind, detail, null);
    }

    public Refusal(Kind kind, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** Set for {@link Kind#THROTTLED}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
