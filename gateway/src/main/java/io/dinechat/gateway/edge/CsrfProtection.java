package io.dinechat.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Double-submit CSRF protection for the dashboard API: every unsafe request must echo the
 * {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header. Another site can make the browser
 * send the cookie but cannot read it to write the header. Together with the SameSite session
 * cookie this covers login CSRF too, since login and sign-up are unsafe requests as well.
 */
@Component
public class CsrfProtection implements WebFilter, Ordered {

    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/") || SAFE.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = request.getCookies().getFirst(COOKIE);
        String header = request.getHeaders().getFirst(HEADER);
        if (cookie == null || cookie.getValue().isBlank() || header == null
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                        header.getBytes(StandardCharsets.UTF_8))) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf",
                    "This request lacks a valid CSRF token: fetch /api/identity/csrf and send its cookie's value as X-XSRF-TOKEN.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return SecurityHeaders.ORDER + 30;
    }
}
