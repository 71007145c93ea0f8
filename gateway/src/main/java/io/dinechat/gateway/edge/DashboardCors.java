package io.dinechat.gateway.edge;

import io.dinechat.gateway.config.GatewayProperties;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin calls to the API are admitted from the dashboard's own origin only
 * ({@code DINECHAT_DASHBOARD_ORIGIN}), with credentials; a preflight from anywhere else is refused.
 * Webhooks are server-to-server and get no CORS at all.
 */
@Component
public class DashboardCors implements WebFilter, Ordered {

    private final CorsWebFilter cors;

    public DashboardCors(GatewayProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(List.of(properties.dashboardOrigin()));
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of("Content-Type", "Accept", "X-XSRF-TOKEN", "Last-Event-ID"));
        api.setExposedHeaders(List.of("Retry-After", "Location"));
        api.setAllowCredentials(true);
        api.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        this.cors = new CorsWebFilter(source);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return cors.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return SecurityHeaders.ORDER + 10;
    }
}
