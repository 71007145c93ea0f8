package io.dinechat.gateway.edge;

import io.dinechat.gateway.config.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with Retry-After when a client address, or a business, sends more API requests
 * than its window allows; webhooks have their own, generous, per-address budget so Meta's bursts
 * get through. The business comes from the session, never from the request.
 */
@Component
public class RateLimiting implements WebFilter, Ordered {

    /** Set by the session filter when the request belongs to a business. */
    public static final String TENANT_ATTRIBUTE = "io.dinechat.gateway.tenant";

    private final RateLimiter limiter;
    private final GatewayProperties.RateLimits limits;

    public RateLimiting(RateLimiter limiter, GatewayProperties properties) {
        this.limiter = limiter;
        this.limits = properties.rateLimits();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String address = ClientAddress.of(exchange);
        Duration window = limits.window();
        if (path.startsWith("/webhooks/")) {
            return limiter.acquire("webhook:" + address, limits.webhooksPerAddress(), window)
                    .flatMap(v -> v.allowed() ? chain.filter(exchange) : tooMany(exchange, v, "this address"));
        }
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Object tenant = exchange.getAttribute(TENANT_ATTRIBUTE);
        Mono<RateLimiter.Verdict> byAddress = limiter.acquire("api-address:" + address, limits.apiPerAddress(), window);
        return byAddress.flatMap(v -> {
            if (!v.allowed()) {
                return tooMany(exchange, v, "this address");
            }
            if (tenant == null) {
                return chain.filter(exchange);
            }
            return limiter.acquire("api-tenant:" + tenant, limits.apiPerTenant(), window)
                    .flatMap(t -> t.allowed() ? chain.filter(exchange) : tooMany(exchange, t, "this business"));
        });
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, RateLimiter.Verdict verdict, String who) {
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests from " + who + "; retry in " + seconds + " s.", Map.of("retryAfterSeconds", seconds));
    }

    @Override
    public int getOrder() {
        // After the session is known, so a business's budget can be charged.
        return SecurityHeaders.ORDER + 50;
    }
}
