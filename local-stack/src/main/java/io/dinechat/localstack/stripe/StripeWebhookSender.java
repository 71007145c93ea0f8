package io.dinechat.localstack.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to the webhook endpoint the way Stripe does: one at a time, in the order they
 * happened, each signed afresh ({@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}
 * keyed with the endpoint's signing secret) and retried with backoff while the endpoint answers
 * anything but 2xx.
 */
final class StripeWebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookSender.class);
    private static final int ATTEMPTS = 8;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stripe-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final String signingSecret;
    private final URI endpoint;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** What happened to one event: its id, type and the endpoint's last answer (0 when unreachable). */
    record Delivery(String eventId, String type, int status) {
    }

    StripeWebhookSender(String signingSecret, URI endpoint) {
        this.signingSecret = signingSecret;
        this.endpoint = endpoint;
    }

    void enqueue(String eventId, String type, String body) {
        queue.execute(() -> deliver(eventId, type, body));
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    static String signature(String body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    private void deliver(String eventId, String type, String body) {
        int status = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                        .header("Stripe-Signature", signature(body, signingSecret, Instant.now().getEpochSecond()))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    break;
                }
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            log.info("Stripe simulator: {} {} got {}, retrying", type, eventId, status == 0 ? "no answer" : status);
            try {
                Thread.sleep(Math.min(500L << (attempt - 1), 8_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        deliveries.add(new Delivery(eventId, type, status));
        log.info("Stripe simulator: delivered {} {} -> {}", type, eventId, status);
    }

    @Override
    public void close() {
        queue.shutdownNow();
        try {
            queue.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }
}
