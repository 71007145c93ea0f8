package io.dinechat.gateway.token;

import io.dinechat.gateway.edge.ClientAddress;
import io.dinechat.gateway.edge.Problems;
import io.dinechat.gateway.identity.application.SignedInUser;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.web.SessionResolution;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every proxied request: the browser's credentials (cookies, any Authorization) never reach a
 * service. On API routes the gateway replaces them with its own short-lived signed token, and
 * refuses here what no service should even see: no session (401), no business chosen (403), and
 * staff on billing (403; services check roles again for everything else).
 */
public class IdentityRelay implements GlobalFilter, Ordered {

    private final ServiceTokens tokens;

    public IdentityRelay(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(stripped(exchange, null));
        }
        SignedInUser user = SessionResolution.signedIn(exchange);
        if (user == null) {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Please sign in.");
        }
        if (!user.hasTenant()) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "no-business",
                    user.platformAdmin() ? "Act as a business first (POST /api/identity/act-as)."
                            : "You do not work for a business yet.");
        }
        if (path.startsWith("/api/billing/") && user.role() == Role.STAFF) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Only the business's owners manage billing.");
        }
        return chain.filter(stripped(exchange, "Bearer " + tokens.mint(user, ClientAddress.of(exchange))));
    }

    private static ServerWebExchange stripped(ServerWebExchange exchange, String authorization) {
        return exchange.mutate().request(r -> r.headers(h -> {
            h.remove(HttpHeaders.COOKIE);
            h.remove(HttpHeaders.AUTHORIZATION);
            h.remove("X-XSRF-TOKEN");
            if (authorization != null) {
                h.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        })).build();
    }

    @Override
    public int getOrder() {
        // Before the routing filters that send the request on.
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }
}
