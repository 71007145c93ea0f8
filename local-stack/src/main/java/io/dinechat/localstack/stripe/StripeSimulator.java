package io.dinechat.localstack.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Stripe for the local stack, so a newcomer can upgrade the demo restaurant with no Stripe
 * account. It speaks Stripe's wire format for the calls billing-service makes (form-encoded
 * requests with a Bearer secret key; JSON objects with {@code object} and {@code id}; Stripe's
 * error envelope): customers, Checkout Sessions, Customer Portal sessions, subscription retrieve
 * and cancel, invoice list. Its hosted pages stand in for Stripe's: the checkout page "takes the
 * payment" (no card is asked for) and then sends correctly signed webhooks to the gateway in
 * Stripe's order; the portal page cancels. Listens on 127.0.0.1 only.
 */
public final class StripeSimulator implements AutoCloseable {

    public static final String API_VERSION = "2026-07-29.dahlia";
    private static final Logger log = LoggerFactory.getLogger(StripeSimulator.class);
    private static final long PERIOD_SECONDS = 30L * 86_400;

    private final int requestedPort;
    private final String apiKey;
    private final Map<String, Long> priceAmounts;
    private final StripeWebhookSender webhooks;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> portalSessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> invoices = new ConcurrentHashMap<>();
    private final Map<String, String> idempotentAnswers = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param port          0 for any free port
     * @param apiKey        the secret key billing-service must present
     * @param signingSecret the webhook endpoint's signing secret ({@code whsec_...})
     * @param webhookUrl    where events go: the gateway's {@code /webhooks/stripe}
     * @param priceAmounts  price id → monthly amount in cents (EUR)
     */
    public StripeSimulator(int port, String apiKey, String signingSecret, URI webhookUrl, Map<String, Long> priceAmounts) {
        this.requestedPort = port;
        this.apiKey = apiKey;
        this.priceAmounts = Map.copyOf(priceAmounts);
        this.webhooks = new StripeWebhookSender(signingSecret, webhookUrl);
    }

    public synchronized StripeSimulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the Stripe simulator to 127.0.0.1:" + requestedPort, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/v1/", guarded(this::api));
        server.createContext("/checkout/", guarded(this::checkoutPage));
        server.createContext("/portal/", guarded(this::portalPage));
        server.createContext("/", guarded(exchange -> html(exchange, 200, page("Stripe simulator",
                "<p>DineChat's local stand-in for Stripe. Start a checkout from the dashboard's billing page.</p>"))));
        server.start();
        log.info("Stripe simulator up on {} (API and hosted pages)", baseUrl());
        return this;
    }

    public synchronized URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * What the owner does on the checkout page: pays. Creates the active subscription and its paid
     * invoice, then sends {@code customer.subscription.created}, {@code invoice.paid},
     * {@code customer.subscription.updated} and {@code checkout.session.completed}.
     *
     * @return where Stripe sends the browser next: the session's success URL
     */
    public URI completeCheckout(String sessionId) {
        ObjectNode session = Optional.ofNullable(sessions.get(sessionId))
                .orElseThrow(() -> new IllegalArgumentException("no checkout session " + sessionId));
        synchronized (session) {
            if (!"complete".equals(session.path("status").asString())) {
                long now = Instant.now().getEpochSecond();
                String customer = session.path("customer").asString();
                String price = session.path("_price").asString();
                long amount = priceAmounts.getOrDefault(price, 0L);
                String subscriptionId = id("sub");
                ObjectNode subscription = subscription(subscriptionId, customer, price, amount, now,
                        (ObjectNode) session.path("_subscription_metadata"));
                subscriptions.put(subscriptionId, subscription);
                ObjectNode invoice = paidInvoice(customer, subscriptionId, amount, now);
                invoices.put(invoice.path("id").asString(), invoice);
                session.put("status", "complete").put("payment_status", "paid").put("subscription", subscriptionId);
                send("customer.subscription.created", subscription);
                send("invoice.paid", invoice);
                send("customer.subscription.updated", subscription);
                send("checkout.session.completed", publicView(session));
            }
            return URI.create(session.path("success_url").asString().replace("{CHECKOUT_SESSION_ID}", sessionId));
        }
    }

    /** Cancels a subscription now, as the portal's "Cancel plan" does; sends {@code customer.subscription.deleted}. */
    public void cancelSubscription(String subscriptionId) {
        ObjectNode subscription = subscriptions.get(subscriptionId);
        if (subscription == null) {
            throw new IllegalArgumentException("no subscription " + subscriptionId);
        }
        synchronized (subscription) {
            if (!"canceled".equals(subscription.path("status").asString())) {
                long now = Instant.now().getEpochSecond();
                subscription.put("status", "canceled").put("canceled_at", now).put("ended_at", now);
                send("customer.subscription.deleted", subscription);
            }
        }
    }

    /** The secret key the simulator accepts: a throwaway per run, given to billing-service by the stack. */
    public String apiKey() {
        return apiKey;
    }

    /** Checkout sessions created so far, newest last (for tests and the console). */
    public List<String> checkoutSessionIds() {
        return sessions.values().stream().sorted((a, b) -> Long.compare(a.path("created").asLong(), b.path("created").asLong()))
                .map(s -> s.path("id").asString()).toList();
    }

    /** The events sent so far and the endpoint's answers. */
    public List<String> deliveredEvents() {
        return webhooks.deliveries().stream().map(d -> d.type() + " " + d.status()).toList();
    }

    // ---- Stripe's API ----

    private void api(HttpExchange exchange) throws IOException {
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "invalid_request_error", null, "Invalid API Key provided.");
            return;
        }
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().substring(1).split("/");
        Map<String, String> form = "POST".equals(method) ? form(read(exchange)) : query(exchange.getRequestURI());
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey != null && "POST".equals(method) && idempotentAnswers.containsKey(idempotencyKey)) {
            send(exchange, 200, idempotentAnswers.get(idempotencyKey));
            return;
        }
        String route = method + " /" + String.join("/", path);
        ObjectNode answer;
        if (route.equals("POST /v1/customers")) {
            answer = createCustomer(form);
        } else if (route.equals("POST /v1/checkout/sessions")) {
            answer = createCheckoutSession(form);
        } else if (route.equals("POST /v1/billing_portal/sessions")) {
            answer = createPortalSession(form);
        } else if (path.length == 3 && path[1].equals("subscriptions") && method.equals("GET")) {
            answer = subscriptions.get(path[2]);
        } else if (path.length == 3 && path[1].equals("subscriptions") && method.equals("DELETE")) {
            if (subscriptions.containsKey(path[2])) {
                cancelSubscription(path[2]);
            }
            answer = subscriptions.get(path[2]);
        } else if (route.equals("GET /v1/invoices")) {
            answer = invoiceList(form.get("customer"));
        } else {
            error(exchange, 404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": "
                    + exchange.getRequestURI().getPath() + ").");
            return;
        }
        if (answer == null) {
            error(exchange, 404, "invalid_request_error", "resource_missing", "No such object: '" + path[path.length - 1] + "'");
            return;
        }
        if (answer.has("error")) {
            send(exchange, 400, json.writeValueAsString(answer));
            return;
        }
        String body = json.writeValueAsString(publicView(answer));
        if (idempotencyKey != null && "POST".equals(method)) {
            idempotentAnswers.put(idempotencyKey, body);
        }
        send(exchange, 200, body);
    }

    private ObjectNode createCustomer(Map<String, String> form) {
        ObjectNode customer = object("customer", id("cus"));
        customer.put("name", form.get("name")).put("email", form.get("email"));
        customer.set("metadata", metadata(form, "metadata"));
        customers.put(customer.path("id").asString(), customer);
        return customer;
    }

    private ObjectNode createCheckoutSession(Map<String, String> form) {
        String price = form.get("line_items[0][price]");
        if (price == null || !priceAmounts.containsKey(price)) {
            return errorBody("invalid_request_error", "resource_missing", "No such price: '" + price + "'");
        }
        if (form.get("customer") == null || !customers.containsKey(form.get("customer"))) {
            return errorBody("invalid_request_error", "resource_missing", "No such customer: '" + form.get("customer") + "'");
        }
        String id = id("cs_test");
        ObjectNode session = object("checkout.session", id);
        session.put("mode", form.getOrDefault("mode", "payment")).put("status", "open").put("payment_status", "unpaid")
                .put("customer", form.get("customer")).put("client_reference_id", form.get("client_reference_id"))
                .put("success_url", form.get("success_url")).put("cancel_url", form.get("cancel_url"))
                .put("currency", "eur").put("amount_total", priceAmounts.get(price))
                .put("url", baseUrl() + "/checkout/" + id).putNull("subscription")
                .put("_price", price);
        session.set("metadata", metadata(form, "metadata"));
        session.set("_subscription_metadata", metadata(form, "subscription_data[metadata]"));
        sessions.put(id, session);
        return session;
    }

    private ObjectNode createPortalSession(Map<String, String> form) {
        if (form.get("customer") == null || !customers.containsKey(form.get("customer"))) {
            return errorBody("invalid_request_error", "resource_missing", "No such customer: '" + form.get("customer") + "'");
        }
        String id = id("bps");
        ObjectNode session = object("billing_portal.session", id);
        session.put("customer", form.get("customer")).put("return_url", form.get("return_url"))
                .put("url", baseUrl() + "/portal/" + id);
        portalSessions.put(id, session);
        return session;
    }

    private ObjectNode invoiceList(String customer) {
        ObjectNode list = json.createObjectNode().put("object", "list").put("url", "/v1/invoices").put("has_more", false);
        ArrayNode data = list.putArray("data");
        invoices.values().stream().filter(i -> customer == null || customer.equals(i.path("customer").asString()))
                .sorted((a, b) -> Long.compare(b.path("created").asLong(), a.path("created").asLong()))
                .forEach(data::add);
        return list;
    }

    // ---- hosted pages ----

    private void checkoutPage(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        ObjectNode session = path.length >= 3 ? sessions.get(path[2]) : null;
        if (session == null) {
            html(exchange, 404, page("Checkout", "<p>This checkout session does not exist.</p>"));
            return;
        }
        String id = session.path("id").asString();
        if ("POST".equals(exchange.getRequestMethod()) && path.length == 4 && path[3].equals("pay")) {
            read(exchange);
            redirect(exchange, completeCheckout(id));
            return;
        }
        String amount = String.format(java.util.Locale.ROOT, "%.2f", session.path("amount_total").asLong() / 100.0);
        html(exchange, 200, page("Subscribe", """
                <p>DineChat plan <b>%s</b> &mdash; &euro;%s per month.</p>
                <p class="note">Local Stripe simulator: no card is needed and nothing is charged.</p>
                <form method="post" action="/checkout/%s/pay"><button type="submit">Pay &euro;%s</button></form>
                <p><a href="%s">Cancel</a></p>
                """.formatted(escape(session.path("_price").asString()), amount, id, amount,
                escape(session.path("cancel_url").asString()))));
    }

    private void portalPage(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        ObjectNode portal = path.length >= 3 ? portalSessions.get(path[2]) : null;
        if (portal == null) {
            html(exchange, 404, page("Billing portal", "<p>This portal session does not exist.</p>"));
            return;
        }
        String customer = portal.path("customer").asString();
        if ("POST".equals(exchange.getRequestMethod()) && path.length == 5 && path[3].equals("cancel")) {
            read(exchange);
            ObjectNode subscription = subscriptions.get(path[4]);
            if (subscription != null && customer.equals(subscription.path("customer").asString())) {
                cancelSubscription(path[4]);
            }
            redirect(exchange, URI.create(portal.path("return_url").asString()));
            return;
        }
        StringBuilder rows = new StringBuilder();
        subscriptions.values().stream().filter(s -> customer.equals(s.path("customer").asString())).forEach(s -> rows.append(
                "<li>%s &mdash; %s <form method=\"post\" action=\"/portal/%s/cancel/%s\"><button>Cancel plan</button></form></li>"
                        .formatted(escape(s.path("items").path("data").path(0).path("price").path("id").asString()),
                                escape(s.path("status").asString()), portal.path("id").asString(), s.path("id").asString())));
        html(exchange, 200, page("Billing portal", "<ul>" + rows + "</ul><p><a href=\""
                + escape(portal.path("return_url").asString()) + "\">Back to DineChat</a></p>"));
    }

    // ---- Stripe objects ----

    private ObjectNode subscription(String id, String customer, String price, long amount, long now, ObjectNode metadata) {
        ObjectNode subscription = object("subscription", id);
        subscription.put("customer", customer).put("status", "active").put("created", now)
                .put("start_date", now).put("cancel_at_period_end", false).put("currency", "eur")
                .putNull("canceled_at").putNull("ended_at");
        subscription.set("metadata", metadata == null ? json.createObjectNode() : metadata.deepCopy());
        ObjectNode items = subscription.putObject("items").put("object", "list").put("has_more", false)
                .put("url", "/v1/subscription_items?subscription=" + id);
        ObjectNode item = items.putArray("data").addObject();
        item.put("id", id("si")).put("object", "subscription_item").put("quantity", 1)
                .put("current_period_start", now).put("current_period_end", now + PERIOD_SECONDS);
        item.putObject("price").put("id", price).put("object", "price").put("currency", "eur").put("unit_amount", amount)
                .put("type", "recurring").putObject("recurring").put("interval", "month").put("interval_count", 1);
        return subscription;
    }

    private ObjectNode paidInvoice(String customer, String subscriptionId, long amount, long now) {
        String id = id("in");
        ObjectNode invoice = object("invoice", id);
        invoice.put("customer", customer).put("status", "paid").put("currency", "eur")
                .put("number", "SIM-" + id.substring(3, 11).toUpperCase(java.util.Locale.ROOT))
                .put("amount_due", amount).put("amount_paid", amount).put("created", now)
                .put("period_start", now).put("period_end", now + PERIOD_SECONDS)
                .put("hosted_invoice_url", baseUrl() + "/invoices/" + id).putNull("invoice_pdf");
        invoice.putObject("status_transitions").put("paid_at", now);
        invoice.putObject("parent").put("type", "subscription_details")
                .putObject("subscription_details").put("subscription", subscriptionId);
        return invoice;
    }

    private void send(String type, ObjectNode object) {
        String eventId = id("evt");
        ObjectNode event = object("event", eventId);
        event.put("api_version", API_VERSION).put("created", Instant.now().getEpochSecond()).put("type", type)
                .put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.putObject("data").set("object", publicView(object));
        webhooks.enqueue(eventId, type, json.writeValueAsString(event));
    }

    private ObjectNode object(String type, String id) {
        return json.createObjectNode().put("id", id).put("object", type).put("livemode", false)
                .put("created", Instant.now().getEpochSecond());
    }

    /** The object as Stripe shows it: without the simulator's own bookkeeping fields ({@code _...}). */
    private ObjectNode publicView(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("_price", "_subscription_metadata"));
        return copy;
    }

    private ObjectNode metadata(Map<String, String> form, String prefix) {
        ObjectNode metadata = json.createObjectNode();
        form.forEach((key, value) -> {
            if (key.startsWith(prefix + "[") && key.endsWith("]")) {
                metadata.put(key.substring(prefix.length() + 1, key.length() - 1), value);
            }
        });
        return metadata;
    }

    private ObjectNode errorBody(String type, String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("type", type).put("code", code).put("message", message);
        return body;
    }

    private static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    // ---- HTTP plumbing ----

    private boolean authorised(String header) {
        String expected = "Bearer " + apiKey;
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private void error(HttpExchange exchange, int status, String type, String code, String message) throws IOException {
        ObjectNode body = errorBody(type, code, message);
        if (code == null) {
            ((ObjectNode) body.path("error")).remove("code");
        }
        send(exchange, status, json.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 14));
        exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.sendResponseHeaders(303, -1);
    }

    private static String page(String title, String content) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#1a1f36}
                button{background:#635bff;color:#fff;border:0;border-radius:6px;padding:.7rem 1.4rem;font-size:1rem;cursor:pointer}
                .note{color:#697386;font-size:.9rem}</style></head>
                <body><h1>%s</h1>%s</body></html>""".formatted(title, title, content);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (Exception e) {
                log.error("Stripe simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                if (exchange.getResponseCode() == -1) {
                    try {
                        send(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"simulator error\"}}");
                    } catch (IOException ignored) {
                        // The client is gone.
                    }
                }
            } finally {
                exchange.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        webhooks.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
