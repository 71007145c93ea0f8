package io.dinechat.localstack.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chat page a newcomer without a WhatsApp account uses to write to a restaurant as a guest.
 * Its three files are read once at start-up from {@code whatsapp-simulator/} on the classpath.
 */
final class GuestChatPage implements HttpHandler {

    private static final String RESOURCE_DIRECTORY = "whatsapp-simulator/";

    /** Request path → file and content type. A fixed list, so no path ever reaches the classpath lookup. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/chat.css", new Asset("chat.css", "text/css; charset=utf-8"),
            "/chat.js", new Asset("chat.js", "text/javascript; charset=utf-8"));

    private final Map<String, byte[]> contents;

    GuestChatPage() {
        contents = ASSETS.values().stream()
                .collect(Collectors.toUnmodifiableMap(Asset::file, asset -> load(asset.file())));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Asset asset = ASSETS.get(exchange.getRequestURI().getPath());
        if (asset == null) {
            HttpExchanges.send(exchange, 404, "text/plain; charset=utf-8", ("Not found. The guest chat is at /, the"
                    + " Graph API at /{version}/{phone-number-id}/messages, the JSON endpoints under /_sim/.")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpExchanges.send(exchange, 405, "text/plain; charset=utf-8", "Use GET".getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpExchanges.send(exchange, 200, asset.contentType(), contents.get(asset.file()));
    }

    private static byte[] load(String file) {
        String resource = RESOURCE_DIRECTORY + file;
        try (InputStream in = GuestChatPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read classpath resource " + resource, e);
        }
    }

    private record Asset(String file, String contentType) {
    }
}
