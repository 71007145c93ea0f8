package io.dinechat.gateway.identity.oidc;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.config.OidcProperties;
import io.dinechat.gateway.edge.ClientAddress;
import io.dinechat.gateway.identity.application.OneTimeSecrets;
import io.dinechat.gateway.identity.web.SessionCookies;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which sign-in methods the dashboard offers, and the two legs of the provider's sign-in: out to
 * its authorization endpoint, and back through the callback into the same session cookie the
 * password login sets (docs/contracts.md, "Identity REST").
 */
@RestController
@RequestMapping("/api/identity")
class OidcController {

    /** Binds a started sign-in to this browser; only sent back to the OIDC endpoints. */
    static final String BROWSER_COOKIE = "DINECHAT_OIDC";
    static final String PATH = "/api/identity/oidc";
    static final String LOGIN_PATH = PATH + "/login";

    /** {@code passwordLogin} covers sign-up and password resets too; {@code oidc} is null without a provider. */
    record LoginMethods(boolean passwordLogin, Provider oidc) {
        record Provider(String displayName, String loginUrl) {
        }
    }

    private final OidcSignIn signIn;
    private final OidcProperties settings;
    private final SessionCookies cookies;
    private final boolean secureCookies;

    OidcController(OidcSignIn signIn, OidcProperties settings, IdentityProperties identity, SessionCookies cookies) {
        this.signIn = signIn;
        this.settings = settings;
        this.cookies = cookies;
        this.secureCookies = identity.sessions().secureCookies();
    }

    /** Public: the sign-in page asks before anyone is signed in. */
    @GetMapping("/config")
    LoginMethods config() {
        return new LoginMethods(settings.passwordLoginEnabled(),
                settings.enabled() ? new LoginMethods.Provider(settings.displayName(), LOGIN_PATH) : null);
    }

    @GetMapping("/oidc/login")
    Mono<ResponseEntity<Void>> login() {
        return signIn.start().map(started -> ResponseEntity.status(HttpStatus.FOUND)
                .location(started.authorizationUri())
                .header(HttpHeaders.SET_COOKIE, browserCookie(started.browserSecret(), settings.loginTimeout()).toString())
                .build());
    }

    /** The provider sends the browser back here; on success the dashboard opens signed in. */
    @GetMapping("/oidc/callback")
    Mono<ResponseEntity<Void>> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            ServerWebExchange exchange) {
        HttpCookie browser = exchange.getRequest().getCookies().getFirst(BROWSER_COOKIE);
        return signIn.complete(code, state, error, browser == null ? null : browser.getValue(), ClientAddress.of(exchange))
                .map(signedIn -> ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/"))
                        .header(HttpHeaders.SET_COOKIE, cookies.session(signedIn.sessionSecret()).toString())
                        .header(HttpHeaders.SET_COOKIE, cookies.csrf(OneTimeSecrets.newSecret()).toString())
                        .header(HttpHeaders.SET_COOKIE, expiredBrowserCookie().toString())
                        .build());
    }

    ResponseCookie expiredBrowserCookie() {
        return browserCookie("", Duration.ZERO);
    }

    private ResponseCookie browserCookie(String secret, Duration maxAge) {
        // Lax: the provider's redirect back is a top-level GET navigation, which Lax cookies accompany.
        return ResponseCookie.from(BROWSER_COOKIE, secret).httpOnly(true).secure(secureCookies).sameSite("Lax")
                .path(PATH).maxAge(maxAge).build();
    }
}
