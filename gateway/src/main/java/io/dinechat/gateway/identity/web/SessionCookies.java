package io.dinechat.gateway.identity.web;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.edge.CsrfProtection;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The two cookies of the dashboard: the session (HttpOnly, so scripts never see it) and the CSRF
 * token (readable by the SPA's script, which echoes it in a header). Both Secure and SameSite=Lax.
 */
@Component
public class SessionCookies {

    public static final String SESSION = "DINECHAT_SESSION";

    private final IdentityProperties.Sessions settings;

    public SessionCookies(IdentityProperties properties) {
        this.settings = properties.sessions();
    }

    public ResponseCookie session(String secret) {
        return ResponseCookie.from(SESSION, secret).httpOnly(true).secure(settings.secureCookies()).sameSite("Lax")
                .path("/").maxAge(settings.absoluteTimeout()).build();
    }

    public ResponseCookie expiredSession() {
        return ResponseCookie.from(SESSION, "").httpOnly(true).secure(settings.secureCookies()).sameSite("Lax")
                .path("/").maxAge(Duration.ZERO).build();
    }

    public ResponseCookie csrf(String token) {
        return ResponseCookie.from(CsrfProtection.COOKIE, token).httpOnly(false).secure(settings.secureCookies())
                .sameSite("Lax").path("/").build();
    }
}
