package io.dinechat.billing.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.dinechat.billing.domain.Invoice;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a Stripe webhook on the bytes Stripe sent and reads the event.
 *
 * <p>The {@code Stripe-Signature} header carries a timestamp {@code t} and HMAC-SHA256 {@code v1}
 * values of {@code t + "." + body} keyed with the endpoint's signing secret; stripe-java checks
 * them in constant time and refuses a timestamp older than the tolerance (300 s, Stripe's own
 * default), which is what stops a captured webhook from being replayed later. The body is decoded
 * strictly as UTF-8 so the string the library hashes is exactly the bytes received.
 */
public class StripeWebhooks {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final String signingSecret;
    private final JsonMapper json;
    private final Clock clock;

    public StripeWebhooks(String signingSecret, JsonMapper json, Clock clock) {
        this.signingSecret = signingSecret == null ? "" : signingSecret;
        this.json = json;
        this.clock = clock;
    }

    public boolean configured() {
        return !signingSecret.isBlank();
    }

    /** @throws InvalidWebhookException when the signature is missing, wrong or stale, or the body is no event */
    public StripeNotice verify(byte[] body, String signatureHeader) {
        if (!configured()) {
            throw new InvalidWebhookException("no webhook signing secret configured");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("missing Stripe-Signature");
        }
        String payload = strictUtf8(body);
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, signingSecret, TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // RuntimeException: stripe-java's parser gives up on headers like "t=abc" with NumberFormatException.
            throw new InvalidWebhookException("Stripe-Signature does not verify or is older than "
                    + TOLERANCE.toSeconds() + " s");
        }
        try {
            return read(json.readTree(payload));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidWebhookException("signed body is not a Stripe event");
        }
    }

    private static StripeNotice read(JsonNode event) {
        String id = required(event, "id");
        String type = required(event, "type");
        if (!"event".equals(text(event, "object"))) {
            throw new IllegalArgumentException("not an event");
        }
        JsonNode object = event.path("data").path("object");
        return switch (type) {
            case "checkout.session.completed" -> new StripeNotice.CheckoutCompleted(id, type, text(object, "customer"),
                    text(object, "subscription"), text(object, "client_reference_id"));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    new StripeNotice.SubscriptionChanged(id, type, text(object, "customer"), required(object, "id"));
            case "invoice.paid", "invoice.payment_failed" ->
                    new StripeNotice.InvoiceSettled(id, type, text(object, "customer"), invoice(object));
            default -> new StripeNotice.Other(id, type);
        };
    }

    private static Invoice invoice(JsonNode invoice) {
        String status = text(invoice, "status");
        boolean paid = "paid".equals(status);
        Instant created = epoch(invoice, "created");
        Instant paidAt = epoch(invoice.path("status_transitions"), "paid_at");
        // Where the subscription is named depends on the API version: `parent` since 2025-03-31.
        String subscription = text(invoice.path("parent").path("subscription_details"), "subscription");
        if (subscription == null) {
            subscription = text(invoice, "subscription");
        }
        long amount = paid ? invoice.path("amount_paid").asLong() : invoice.path("amount_due").asLong();
        return new Invoice(required(invoice, "id"), text(invoice, "number"), status, amount,
                required(invoice, "currency"), paid && paidAt != null ? paidAt : created,
                text(invoice, "hosted_invoice_url"), text(invoice, "invoice_pdf"), subscription,
                epoch(invoice, "period_start"), epoch(invoice, "period_end"));
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWebhookException("body is not UTF-8");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        // Expanded objects ({"id": ...}) where an id is expected.
        return value.isObject() ? text(value, "id") : value.asString();
    }

    private static Instant epoch(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochSecond(value.asLong());
    }
}
