package io.dinechat.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose health check: exit 0 only when the actuator group answers 2xx, so a service whose
 * readiness is DOWN (503), that does not listen yet, that hangs, or that redirects is unhealthy.
 */
class HealthProbeTests {

    static HttpServer server;
    static String base;

    @BeforeAll
    static void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/actuator/health/liveness", exchange -> answer(exchange, 503, "{\"status\":\"DOWN\"}"));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/actuator/health/readiness");
            answer(exchange, 302, "");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static int probe(String... args) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return HealthProbe.run(args, sink, sink);
    }

    @Test
    void anUpServiceIsHealthy() {
        assertThat(probe(base + "/actuator/health/readiness")).isZero();
    }

    @Test
    void aDownGroupIsUnhealthy() {
        assertThat(probe(base + "/actuator/health/liveness")).isEqualTo(1);
    }

    @Test
    void aServiceThatDoesNotListenYetIsUnhealthy() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(probe("http://127.0.0.1:" + closedPort + "/actuator/health/readiness")).isEqualTo(1);
    }

    @Test
    void aHangingServiceIsUnhealthyWithinTheTimeout() {
        long started = System.nanoTime();
        assertThat(probe(base + "/slow", "300")).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_500);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsUnhealthy() {
        assertThat(probe(base + "/moved")).isEqualTo(1);
    }

    @Test
    void aMissingUrlIsAUsageError() {
        assertThat(probe()).isEqualTo(2);
        assertThat(probe("not a url")).isEqualTo(2);
    }

    /** What docker runs: a fresh JVM whose exit status is the verdict. */
    @Test
    void theExitStatusOfAFreshJvmIsTheVerdict() throws Exception {
        Path classes = Path.of(HealthProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (var expectation : List.of(new Object[] {"/actuator/health/readiness", 0},
                new Object[] {"/actuator/health/liveness", 1})) {
            Process process = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
                    HealthProbe.class.getName(), base + expectation[0])
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status for %s", expectation[0]).isEqualTo(expectation[1]);
        }
    }
}
