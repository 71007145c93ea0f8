package io.dinechat.gateway.identity.oidc;

import io.dinechat.gateway.config.OidcProperties;
import io.dinechat.gateway.edge.Problems;
import io.dinechat.gateway.edge.SecurityHeaders;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * When the provider replaces the built-in login ({@code DINECHAT_OIDC_PASSWORD_LOGIN=false}), the
 * password endpoints answer that sign-in is through the provider: login, sign-up and password
 * resets (whose confirmation also accepts invitations). Nothing behind them runs.
 */
@Component
class PasswordLoginSwitch implements WebFilter, Ordered {

    private static final Set<String> PASSWORD_PATHS = Set.of("/api/identity/login", "/api/identity/signup",
            "/api/identity/password-reset", "/api/identity/password-reset/confirm");

    private final OidcProperties settings;

    PasswordLoginSwitch(OidcProperties settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (settings.passwordLoginEnabled() || request.getMethod() != HttpMethod.POST
                || !PASSWORD_PATHS.contains(request.getPath().value())) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "password-login-disabled",
                "Sign-in is through " + settings.displayName() + ", not with a DineChat password.",
                Map.of("signInUrl", OidcController.LOGIN_PATH));
    }

    @Override
    public int getOrder() {
        // After CSRF and rate limiting, before any controller.
        return SecurityHeaders.ORDER + 60;
    }
}
