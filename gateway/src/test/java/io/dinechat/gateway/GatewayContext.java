package io.dinechat.gateway;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.sun.net.httpserver.HttpServer;
import io.dinechat.testing.ServiceTestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against its own PostgreSQL database (migrated as gateway_owner, run as gateway_app)
 * and the shared Kafka, in front of one stand-in that plays every service and records what
 * reaches it; billing-service is "down" (a closed port). Test classes extend this to share one
 * application context.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "DINECHAT_IDENTITY_BCRYPT_STRENGTH=4",
        "DINECHAT_MAIL_LOG_LINKS=true",
        "DINECHAT_LOGIN_ACCOUNT_FAILURES=3",
        "DINECHAT_DASHBOARD_ORIGIN=https://dashboard.dinechat.test",
        "DINECHAT_GATEWAY_API_BODY_LIMIT=64KB"})
@AutoConfigureWebTestClient
abstract class GatewayContext {

    /** One request as a service received it. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final HttpServer services = start();
    static final int closedPort = closedPort();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafkaAndPostgres(registry, "gateway");
        String standIn = "http://127.0.0.1:" + services.getAddress().getPort();
        registry.add("dinechat.gateway.services.webhook-ingest", () -> standIn);
        registry.add("dinechat.gateway.services.order-service", () -> standIn);
        registry.add("dinechat.gateway.services.conversation-service", () -> standIn);
        registry.add("dinechat.gateway.services.reservation-service", () -> standIn);
        registry.add("dinechat.gateway.services.archive-service", () -> standIn);
        registry.add("dinechat.gateway.services.billing-service", () -> "http://127.0.0.1:" + closedPort);
    }

    static Received lastReceived(String path) {
        return received.reversed().stream().filter(r -> r.path().startsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing reached a service at " + path));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
                byte[] answer = "{\"ok\":true}".getBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
