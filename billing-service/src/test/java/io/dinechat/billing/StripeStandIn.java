package io.dinechat.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe for billing-service's tests: WireMock answering Stripe's API in its wire format (JSON
 * objects with {@code object} and {@code id}, error envelopes), and webhook payloads signed the
 * way Stripe signs them ({@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}). One server per JVM,
 * shared by every test class; tests use fresh ids so they never collide.
 */
final class StripeStandIn {

    static final WireMockServer API = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        API.start();
    }

    private StripeStandIn() {
    }

    static String baseUrl() {
        return API.baseUrl();
    }

    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Stripe's current state of a subscription, as {@code GET /v1/subscriptions/{id}} returns it. */
    static void subscriptionIs(String subscriptionId, String customerId, String status, String priceId, long created,
            long currentPeriodEnd) {
        API.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscriptionId))
                .willReturn(json(200, subscription(subscriptionId, customerId, status, priceId, created, currentPeriodEnd))));
    }

    /** {@code DELETE /v1/subscriptions/{id}}: Stripe answers the cancelled subscription. */
    static void subscriptionCanBeCancelled(String subscriptionId, String customerId, String priceId, long created) {
        API.stubFor(delete(urlPathEqualTo("/v1/subscriptions/" + subscriptionId))
                .willReturn(json(200, subscription(subscriptionId, customerId, "canceled", priceId, created, created))));
    }

    static String subscription(String id, String customerId, String status, String priceId, long created,
            long currentPeriodEnd) {
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","created":%d,"livemode":false,
                 "cancel_at_period_end":false,"metadata":{},
                 "items":{"object":"list","has_more":false,"url":"/v1/subscription_items?subscription=%s","data":[
                   {"id":"si_%s","object":"subscription_item","current_period_start":%d,"current_period_end":%d,"quantity":1,
                    "price":{"id":"%s","object":"price","currency":"eur","unit_amount":4900,"type":"recurring",
                             "recurring":{"interval":"month","interval_count":1}}}]}}
                """.formatted(id, customerId, status, created, id, id.substring(4), created, currentPeriodEnd, priceId);
    }

    static void customersAreCreated(String customerId) {
        API.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(200, """
                {"id":"%s","object":"customer","email":null,"livemode":false,"metadata":{}}
                """.formatted(customerId))));
    }

    static void checkoutSessionsAreCreated(String sessionId) {
        API.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(200, """
                {"id":"%s","object":"checkout.session","mode":"subscription","status":"open","livemode":false,
                 "url":"https://checkout.stripe.com/c/pay/%s"}
                """.formatted(sessionId, sessionId))));
    }

    static void portalSessionsAreCreated(String sessionId) {
        API.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(json(200, """
                {"id":"%s","object":"billing_portal.session","livemode":false,"return_url":"http://localhost:8080/billing",
                 "url":"https://billing.stripe.com/p/session/%s"}
                """.formatted(sessionId, sessionId))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 12)).withBody(body);
    }

    /** Stripe's error envelope, e.g. for an invalid API key or a price that does not exist. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type, String code,
            String message) {
        return json(status, """
                {"error":{"type":"%s","code":"%s","message":"%s","request_log_url":"https://dashboard.stripe.com/logs"}}
                """.formatted(type, code, message));
    }

    /** An event as Stripe posts it to a webhook endpoint. */
    static String event(String eventId, String type, String dataObject) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":%s}}""".formatted(eventId, Instant.now().getEpochSecond(), type, dataObject);
    }

    static String invoice(String invoiceId, String customerId, String subscriptionId, String status, long amount,
            long created) {
        return """
                {"id":"%s","object":"invoice","customer":"%s","status":"%s","number":"DC-%s","currency":"eur",
                 "amount_due":%d,"amount_paid":%d,"created":%d,"period_start":%d,"period_end":%d,
                 "status_transitions":{"paid_at":%s},
                 "hosted_invoice_url":"https://invoice.stripe.com/i/%s","invoice_pdf":"https://pay.stripe.com/invoice/%s/pdf",
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s"}}}
                """.formatted(invoiceId, customerId, status, invoiceId.substring(3, 9), amount,
                "paid".equals(status) ? amount : 0, created, created, created + 30 * 86400,
                "paid".equals(status) ? String.valueOf(created + 5) : "null", invoiceId, invoiceId, subscriptionId);
    }

    /** The {@code Stripe-Signature} value for {@code body} signed at {@code timestamp} with {@code secret}. */
    static String signature(String body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
