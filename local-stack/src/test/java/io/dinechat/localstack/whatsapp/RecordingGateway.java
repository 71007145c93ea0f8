package io.dinechat.localstack.whatsapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Stands in for the gateway's webhook endpoint: records every request's exact bytes and headers. */
final class RecordingGateway implements AutoCloseable {

    static final String WEBHOOK_PATH = "/webhooks/whatsapp";

    private final BlockingQueue<ReceivedWebhook> received = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private volatile int responseStatus = 200;

    RecordingGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(WEBHOOK_PATH, exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(new ReceivedWebhook(in.readAllBytes(),
                        exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("User-Agent")));
                exchange.sendResponseHeaders(responseStatus, -1);
            }
        });
        server.start();
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WEBHOOK_PATH);
    }

    void respondWith(int status) {
        responseStatus = status;
    }

    /** The next request, waiting up to {@code timeout}; fails the test when none arrives. */
    ReceivedWebhook next(Duration timeout) {
        try {
            ReceivedWebhook webhook = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (webhook == null) {
                throw new AssertionError("No webhook arrived within " + timeout);
            }
            return webhook;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a webhook", e);
        }
    }

    boolean nothingElseReceived() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    record ReceivedWebhook(byte[] body, String signature, String contentType, String userAgent) {
    }
}
