package io.dinechat.gateway.spa;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard is a single-page app (module {@code dashboard}, served from {@code classpath:static/}):
 * a browser opening {@code /orders} or reloading {@code /menu} must get its {@code index.html}, and
 * the app's router shows the page. Only page-like GETs fall back: never the API, webhooks, probes,
 * keys or the gateway's fallbacks, and never a path naming a file (a missing asset stays a 404).
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    private static final List<String> NOT_PAGES = List.of("/api/", "/webhooks/", "/actuator", "/.well-known/",
            "/fallback/", "/assets/");

    @Bean
    RouterFunction<ServerResponse> dashboardIndex() {
        Resource index = new ClassPathResource("static/index.html");
        return RouterFunctions.route(RequestPredicates.GET("/**").and(DashboardPages::isPage),
                request -> index.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache()).bodyValue(index)
                        : ServerResponse.notFound().build());
    }

    static boolean isPage(ServerRequest request) {
        String path = request.path();
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
