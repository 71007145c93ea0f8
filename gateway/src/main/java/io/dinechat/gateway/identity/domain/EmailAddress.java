package io.dinechat.gateway.identity.domain;

import java.util.List;
import java.util.Locale;

/** Emails are compared case-insensitively; only their shape is checked (the mail proves the rest). */
public final class EmailAddress {

    private EmailAddress() {
    }

    public static List<String> problems(String email) {
        if (email == null || email.length() > 320 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return List.of("email must be an email address");
        }
        return List.of();
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** For logs: {@code a***@example.com}, enough to correlate, not enough to harvest. */
    public static String masked(String email) {
        String e = normalise(email);
        int at = e.indexOf('@');
        return at <= 0 ? "***" : e.charAt(0) + "***" + e.substring(at);
    }
}
