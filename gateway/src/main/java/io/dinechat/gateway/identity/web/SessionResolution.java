package io.dinechat.gateway.identity.web;

import io.dinechat.gateway.edge.RateLimiting;
import io.dinechat.gateway.edge.SecurityHeaders;
import io.dinechat.gateway.identity.application.Sessions;
import io.dinechat.gateway.identity.application.SignedInUser;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Finds who is behind an API request from the session cookie, once per request, and leaves it on
 * the exchange for the identity endpoints, the rate limiter and the token minted toward services.
 */
@Component
public class SessionResolution implements WebFilter, Ordered {

    public static final String ATTRIBUTE = SignedInUser.class.getName();

    private final Sessions sessions;

    public SessionResolution(Sessions sessions) {
        this.sessions = sessions;
    }

    public static SignedInUser signedIn(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookies.SESSION);
        if (cookie == null) {
            return chain.filter(exchange);
        }
        return sessions.resolve(cookie.getValue())
                .doOnNext(user -> {
                    exchange.getAttributes().put(ATTRIBUTE, user);
                    if (user.hasTenant()) {
                        exchange.getAttributes().put(RateLimiting.TENANT_ATTRIBUTE, user.tenantId().toString());
                    }
                })
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return SecurityHeaders.ORDER + 40;
    }
}
