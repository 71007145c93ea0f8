package io.dinechat.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.dinechat.gateway.config.GatewayProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing table. Webhook bodies pass through untouched (no filter reads or rewrites them), so
 * Meta's and Stripe's signatures still verify on the raw bytes downstream. Each service has its
 * own circuit breaker; when one is open or the service is down the caller gets a problem+json 503.
 * API routes carry the gateway's signed token instead of the browser's cookies (IdentityRelay);
 * {@code /api/identity/**} is answered by the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator dineChatRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
        var services = properties.services();
        var timeouts = properties.timeouts();
        return routes.routes()
                .route("whatsapp-webhooks", r -> r.path("/webhooks/whatsapp", "/webhooks/whatsapp/**")
                        .filters(f -> f.circuitBreaker(cb -> cb.setName("webhook-ingest")
                                .setFallbackUri("forward:/fallback/webhook-ingest")))
                        .metadata(CONNECT_TIMEOUT_ATTR, millis(timeouts.connect()))
                        .metadata(RESPONSE_TIMEOUT_ATTR, millis(timeouts.webhook()))
                        .uri(services.webhookIngest()))
                .route("stripe-webhooks", r -> r.path("/webhooks/stripe")
                        .filters(f -> f.circuitBreaker(cb -> cb.setName("billing-service")
                                .setFallbackUri("forward:/fallback/billing-service")))
                        .metadata(CONNECT_TIMEOUT_ATTR, millis(timeouts.connect()))
                        .metadata(RESPONSE_TIMEOUT_ATTR, millis(timeouts.webhook()))
                        .uri(services.billingService()))
                .route("conversation-api", r -> api(r, "conversations", "conversation-service", services.conversationService(), timeouts))
                .route("reservation-api", r -> api(r, "reservations", "reservation-service", services.reservationService(), timeouts))
                .route("order-api", r -> api(r, "orders", "order-service", services.orderService(), timeouts))
                .route("catalog-api", r -> api(r, "catalog", "order-service", services.orderService(), timeouts))
                .route("analytics-api", r -> api(r, "analytics", "archive-service", services.archiveService(), timeouts))
                .route("audit-api", r -> api(r, "audit", "archive-service", services.archiveService(), timeouts))
                .route("billing-api", r -> api(r, "billing", "billing-service", services.billingService(), timeouts))
                .build();
    }

    private static org.springframework.cloud.gateway.route.builder.Buildable<org.springframework.cloud.gateway.route.Route> api(
            org.springframework.cloud.gateway.route.builder.PredicateSpec r, String area, String service, URI uri,
            GatewayProperties.Timeouts timeouts) {
        return r.path("/api/" + area + "/**")
                .filters(f -> f.circuitBreaker(cb -> cb.setName(service).setFallbackUri("forward:/fallback/" + service)))
                .metadata(CONNECT_TIMEOUT_ATTR, millis(timeouts.connect()))
                .metadata(RESPONSE_TIMEOUT_ATTR, millis(timeouts.api()))
                .uri(uri);
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}
