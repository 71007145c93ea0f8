package io.dinechat.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser tab as the SPA will drive it: keeps the cookies the gateway sets, sends them back,
 * and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on unsafe requests, like Angular or axios do.
 */
final class Browser {

    private final WebTestClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, ResponseCookie> lastSetCookies = new LinkedHashMap<>();

    Browser(WebTestClient http) {
        this.http = http;
    }

    /** Fetches the CSRF cookie, as the SPA does on load. */
    Browser open() {
        send(HttpMethod.GET, "/api/identity/csrf", null, h -> { });
        return this;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    EntityExchangeResult<byte[]> get(String path) {
        return send(HttpMethod.GET, path, null, h -> { });
    }

    EntityExchangeResult<byte[]> post(String path, Object body) {
        return send(HttpMethod.POST, path, body, h -> { });
    }

    EntityExchangeResult<byte[]> patch(String path, Object body) {
        return send(HttpMethod.PATCH, path, body, h -> { });
    }

    EntityExchangeResult<byte[]> delete(String path) {
        return send(HttpMethod.DELETE, path, null, h -> { });
    }

    EntityExchangeResult<byte[]> send(HttpMethod method, String path, Object body, Consumer<HttpHeaders> extra) {
        var spec = http.method(method).uri(path).headers(h -> {
            if (!cookies.isEmpty()) {
                h.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (method != HttpMethod.GET && cookies.containsKey("XSRF-TOKEN")) {
                h.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            extra.accept(h);
        });
        var exchange = body == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        EntityExchangeResult<byte[]> result = exchange.expectBody().returnResult();
        lastSetCookies.clear();
        result.getResponseCookies().forEach((name, values) -> {
            ResponseCookie cookie = values.getLast();
            lastSetCookies.put(name, cookie);
            if (cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        });
        return result;
    }

    static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> signUpForm(String business, String email, String password) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("businessName", business);
        form.put("businessType", "restaurant");
        form.put("ownerName", "Owner of " + business);
        form.put("email", email);
        form.put("password", password);
        form.put("timeZone", "Asia/Beirut");
        form.put("defaultLanguage", "english");
        form.put("currency", "USD");
        return form;
    }

    static Map<String, Object> login(String email, String password) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        return form;
    }

}
