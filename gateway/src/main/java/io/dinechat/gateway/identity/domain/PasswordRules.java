package io.dinechat.gateway.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Length over composition rules (NIST SP 800-63B): at least 10 characters, and at most 72 bytes
 * because BCrypt ignores anything beyond; not the email address itself.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    public static List<String> problems(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return List.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return List.of("password must be at most " + MAX_BYTES + " bytes");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(EmailAddress.normalise(email))) {
            return List.of("password must not contain the email address");
        }
        return List.of();
    }
}
