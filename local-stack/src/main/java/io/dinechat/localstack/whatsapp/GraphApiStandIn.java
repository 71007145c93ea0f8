package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.JsonFields.text;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's {@code POST /{version}/{phone-number-id}/messages}: checks the bearer token and the body
 * as the Cloud API does, answers in its format, records what it accepted and announces the status
 * webhooks that follow.
 */
final class GraphApiStandIn implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphApiStandIn.class);
    private static final Pattern MESSAGES_PATH = Pattern.compile("/(v\\d+\\.\\d+)/([^/]+)/messages/?");
    private static final String BEARER = "Bearer ";

    private final SimulatorConfig config;
    private final MessageLog messages;
    private final StatusWebhooks statusWebhooks;
    private final JsonMapper json;
    private final Clock clock;
    /** The W3C traceparent each accepted send carried, by wamid: lets tests follow one trace end to end. */
    private final java.util.Map<String, String> traceparents = new java.util.concurrent.ConcurrentHashMap<>();

    GraphApiStandIn(SimulatorConfig config, MessageLog messages, StatusWebhooks statusWebhooks, JsonMapper json,
                    Clock clock) {
        this.config = config;
        this.messages = messages;
        this.statusWebhooks = statusWebhooks;
        this.json = json;
        this.clock = clock;
    }

    static boolean handles(String path) {
        return MESSAGES_PATH.matcher(path).matches();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher path = MESSAGES_PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            throw new IllegalStateException("not a Graph API messages path: " + exchange.getRequestURI().getPath());
        }
        try {
            accept(exchange, path.group(2));
        } catch (GraphApiException refused) {
            log.info("Graph API refused {} {}: {} (HTTP {})", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), refused.getMessage(), refused.httpStatus());
            HttpExchanges.sendJson(exchange, refused.httpStatus(), json, refused.toEnvelope(json));
        }
    }

    private void accept(HttpExchange exchange, String phoneNumberId) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw GraphApiException.unsupportedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        }
        String token = bearerToken(exchange);
        SimulatedNumber number = config.number(phoneNumberId).orElseThrow(() -> GraphApiException.unknownPhoneNumberId(
                phoneNumberId, config.numbers().stream().map(SimulatedNumber::phoneNumberId).toList()));
        if (!constantTimeEquals(token, number.accessToken())) {
            throw GraphApiException.invalidAccessToken(phoneNumberId);
        }

        byte[] rawBody = readBody(exchange);
        JsonNode body = parse(rawBody);
        if (OutboundMessageRules.isMarkRead(body)) {
            OutboundMessageRules.checkMarkRead(body);
            messages.markReadByBusiness(text(body.path("message_id")));
            HttpExchanges.sendJson(exchange, 200, json, json.createObjectNode().put("success", true));
            return;
        }

        String type = OutboundMessageRules.checkSend(body);
        String to = text(body.path("to"));
        String waId = to.replaceAll("\\D", "");
        OutboundMessage message = new OutboundMessage(Wamids.next(waId), phoneNumberId, waId, type,
                OutboundRendering.summarize(type, body), text(body.path("context").path("message_id")),
                new String(rawBody, StandardCharsets.UTF_8), clock.instant());
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            traceparents.put(message.wamid(), traceparent);
        }
        messages.recordOutbound(message);
        log.info("Graph API accepted {} {} from {} to {}", type, message.wamid(), phoneNumberId, waId);

        HttpExchanges.sendJson(exchange, 200, json, acceptedResponse(to, waId, message.wamid()));
        statusWebhooks.announce(number, message);
    }

    java.util.Optional<String> traceparentOf(String wamid) {
        return java.util.Optional.ofNullable(traceparents.get(wamid));
    }

    private static String bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw GraphApiException.missingAccessToken();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            throw GraphApiException.missingAccessToken();
        }
        return authorization.substring(BEARER.length()).trim();
    }

    /** Token checks should not leak, through timing, how much of a guess was right. */
    private static boolean constantTimeEquals(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try {
            return HttpExchanges.readBody(exchange);
        } catch (IllegalArgumentException tooLarge) {
            throw GraphApiException.invalidParameter("The " + tooLarge.getMessage() + ".");
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode parsed = json.readTree(body);
            if (parsed == null || !parsed.isObject()) {
                throw GraphApiException.invalidParameter("The request body must be a JSON object.");
            }
            return parsed;
        } catch (JacksonException e) {
            throw GraphApiException.invalidParameter("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode acceptedResponse(String input, String waId, String wamid) {
        ObjectNode response = json.createObjectNode().put("messaging_product", "whatsapp");
        response.putArray("contacts").addObject().put("input", input).put("wa_id", waId);
        response.putArray("messages").addObject().put("id", wamid);
        return response;
    }
}
