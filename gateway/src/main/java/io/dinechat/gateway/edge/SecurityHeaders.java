package io.dinechat.gateway.edge;

import io.dinechat.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every request: settles the client's address once, and gives every answer the
 * browser-hardening headers (no framing, no sniffing, strict transport, a same-origin content
 * policy), and API answers {@code Cache-Control: no-store} so no proxy or browser keeps them.
 */
@Component
public class SecurityHeaders implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:";

    private final boolean trustForwardedFor;

    public SecurityHeaders(GatewayProperties properties) {
        this.trustForwardedFor = properties.trustForwardedFor();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, ClientAddress.resolve(exchange, trustForwardedFor));
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (api) {
                h.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
