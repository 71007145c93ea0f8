package io.dinechat.localstack.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few things every handler does with the JDK's {@link HttpExchange}. */
final class HttpExchanges {

    static final String JSON = "application/json; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(HttpExchanges.class);
    /** Far above any real WhatsApp payload; stops a runaway client from filling the heap. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private HttpExchanges() {
    }

    /** @throws IllegalArgumentException when the body exceeds 1 MiB */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    static void sendJson(HttpExchange exchange, int status, JsonMapper json, JsonNode body) throws IOException {
        send(exchange, status, JSON, json.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /**
     * Answers 500 instead of letting the JDK server drop the connection when a handler fails, and
     * always closes the exchange.
     */
    static HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (Exception e) {
                log.error("WhatsApp simulator failed on {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                if (exchange.getResponseCode() == -1) {
                    byte[] body = ("{\"error\":\"internal simulator error: " + e.getClass().getSimpleName() + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    try {
                        send(exchange, 500, JSON, body);
                    } catch (IOException ignored) {
                        // The client is gone; nothing left to tell it.
                    }
                }
            } finally {
                exchange.close();
            }
        };
    }
}
