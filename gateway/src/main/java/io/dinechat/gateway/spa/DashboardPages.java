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
 * the app's router shows the page (an unknown page lands on the app's home). Only a browser's page
 * navigation falls back: a GET that asks for HTML by name, outside the API, webhooks, probes, keys
 * and the gateway's fallbacks, for a path not naming a file. Everything else that matches nothing
 * (an unknown API path, a missing asset, a script asking for JSON) stays a 404 problem+json.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    private static final List<String> NOT_PAGES = List.of("/api", "/webhooks", "/actuator", "/.well-known",
            "/fallback", "/assets");

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
        if (NOT_PAGES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && asksForHtml(request);
    }

    /** Browsers name text/html when they navigate; API clients and fetch() send JSON or a bare wildcard. */
    private static boolean asksForHtml(ServerRequest request) {
        return request.headers().accept().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
    }
}
