package io.dinechat.reservation.domain;

import java.util.Objects;

/** A machine-readable reason with a short explanation for logs and staff (never shown to guests verbatim). */
public record Refusal(ReasonCode code, String message) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Refusal of(ReasonCode code, String message) {
        return new Refusal(code, message);
    }
}
