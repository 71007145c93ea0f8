package io.dinechat.localstack.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Posts webhook bodies to the configured URL the way Meta does, signed with the app secret. */
final class WebhookSender {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The user agent Meta's webhook deliveries carry. */
    private static final String META_USER_AGENT = "facebookexternalua";

    private final HttpClient http;
    private final String appSecret;
    private final Supplier<Optional<URI>> webhookUrl;

    /** The URL is looked up per delivery: the gateway's port may only be known after the simulator started. */
    WebhookSender(HttpClient http, String appSecret, Supplier<Optional<URI>> webhookUrl) {
        this.http = http;
        this.appSecret = appSecret;
        this.webhookUrl = webhookUrl;
    }

    boolean hasTarget() {
        return webhookUrl.get().isPresent();
    }

    /** Signs {@code body} correctly and posts it; returns the endpoint's HTTP status. */
    int send(byte[] body) {
        return post(body, SignedPayload.sign(body, appSecret).signature());
    }

    /**
     * Posts a payload that was already delivered, byte for byte, as Meta does when it did not get a
     * 200 in time. The receiver must recognise the message id and not handle it twice.
     */
    int resend(byte[] lastPayload) {
        return send(lastPayload);
    }

    /** Posts {@code body} with the given signature header value, or without the header when it is {@code null}. */
    int sendWithSignature(byte[] body, String signatureHeaderOrNull) {
        return post(body, signatureHeaderOrNull);
    }

    private int post(byte[] body, String signature) {
        URI target = webhookUrl.get().orElseThrow(() -> new WebhookDeliveryException(
                "No webhook URL configured; set it with WhatsAppSimulator.setWebhookUrl(...) once the gateway is up"));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", META_USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SignedPayload.SIGNATURE_HEADER, signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new WebhookDeliveryException("Could not deliver webhook to " + target + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("Interrupted while delivering webhook to " + target, e);
        }
    }

    /** ConnectException and friends often carry no message of their own. */
    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
