package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.JsonFields.text;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON endpoints under {@code /_sim/} that the guest chat page, tests and curious developers
 * use: send as a guest, read a conversation, list what the restaurant sent.
 */
final class SimulatorApi implements HttpHandler {

    static final String PREFIX = "/_sim/";

    private final SimulatorConfig config;
    private final MessageLog messages;
    private final GuestMessenger guest;
    private final Supplier<Optional<URI>> webhookUrl;
    private final JsonMapper json;

    SimulatorApi(SimulatorConfig config, MessageLog messages, GuestMessenger guest,
                 Supplier<Optional<URI>> webhookUrl, JsonMapper json) {
        this.config = config;
        this.messages = messages;
        this.guest = guest;
        this.webhookUrl = webhookUrl;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            switch (route) {
                case "GET /_sim/health" -> respond(exchange, 200, json.createObjectNode().put("status", "UP"));
                case "GET /_sim/setup" -> respond(exchange, 200, setup());
                case "POST /_sim/guest/messages" -> respond(exchange, 200, sendAsGuest(readObject(exchange)));
                case "POST /_sim/guest/redeliver" -> respond(exchange, 200, redeliver(readObject(exchange)));
                case "GET /_sim/conversations" -> respond(exchange, 200, conversation(exchange));
                case "GET /_sim/outbound" -> respond(exchange, 200, outbound());
                default -> respond(exchange, 404, error("No simulator endpoint " + route));
            }
        } catch (IllegalArgumentException badRequest) {
            respond(exchange, 400, error(badRequest.getMessage()));
        } catch (WebhookDeliveryException unreachable) {
            respond(exchange, 502, error(unreachable.getMessage()));
        }
    }

    /** What the chat page needs to offer a choice of restaurant; never the tokens. */
    private ObjectNode setup() {
        ObjectNode setup = json.createObjectNode();
        setup.put("webhookUrl", webhookUrl.get().map(URI::toString).orElse(null));
        ArrayNode numbers = setup.putArray("numbers");
        for (SimulatedNumber number : config.numbers()) {
            numbers.addObject()
                    .put("phoneNumberId", number.phoneNumberId())
                    .put("displayPhoneNumber", number.displayPhoneNumber())
                    .put("verifiedName", number.verifiedName());
        }
        return setup;
    }

    /** {@code {phoneNumberId, waId, name, text}} or {@code {..., reply: {type, id, title, description?}, contextMessageId?}}. */
    private ObjectNode sendAsGuest(JsonNode request) {
        String phoneNumberId = required(request, "phoneNumberId");
        String waId = required(request, "waId");
        String name = required(request, "name");
        JsonNode reply = request.path("reply");
        WebhookDelivery delivery;
        if (reply.isObject()) {
            InteractiveReply tapped = new InteractiveReply(InteractiveReply.Kind.fromWireName(text(reply.path("type"))),
                    text(reply.path("id")), text(reply.path("title")), text(reply.path("description")));
            delivery = guest.sendReply(phoneNumberId, waId, name, tapped, text(request.path("contextMessageId")));
        } else {
            delivery = guest.sendText(phoneNumberId, waId, name, required(request, "text"));
        }
        return deliveryResult(delivery);
    }

    private ObjectNode redeliver(JsonNode request) {
        return deliveryResult(guest.redeliver(required(request, "messageId")));
    }

    private ObjectNode deliveryResult(WebhookDelivery delivery) {
        return json.createObjectNode()
                .put("messageId", delivery.messageId())
                .put("webhookStatus", delivery.statusCode());
    }

    private ArrayNode conversation(HttpExchange exchange) {
        Map<String, String> query = HttpExchanges.queryParameters(exchange.getRequestURI());
        String phoneNumberId = query.get("phoneNumberId");
        String waId = query.get("waId");
        if (phoneNumberId == null || phoneNumberId.isBlank() || waId == null || waId.isBlank()) {
            throw new IllegalArgumentException("phoneNumberId and waId query parameters are required");
        }
        ArrayNode entries = json.createArrayNode();
        for (ChatMessage message : messages.conversation(phoneNumberId, Require.waId(waId, "waId"))) {
            ObjectNode entry = entries.addObject()
                    .put("messageId", message.messageId())
                    .put("at", message.at().toString())
                    .put("text", message.text());
            switch (message) {
                case GuestMessage inbound -> {
                    entry.put("direction", "inbound").put("type", inbound.type());
                    if (inbound.reply() != null) {
                        InteractiveReply reply = inbound.reply();
                        ObjectNode interactive = entry.putObject("interactive").put("type", reply.kind().wireName());
                        interactive.putObject(reply.kind().wireName()).put("id", reply.id()).put("title", reply.title());
                    }
                    messages.webhookStatus(inbound.messageId()).ifPresent(status -> entry.put("webhookStatus", status));
                    entry.put("read", messages.isReadByBusiness(inbound.messageId()));
                }
                case OutboundMessage outbound -> {
                    entry.put("direction", "outbound").put("type", outbound.type());
                    if ("interactive".equals(outbound.type())) {
                        entry.set("interactive", json.readTree(outbound.json()).path("interactive"));
                    }
                }
            }
        }
        return entries;
    }

    private ArrayNode outbound() {
        ArrayNode all = json.createArrayNode();
        for (OutboundMessage message : messages.outbound()) {
            all.addObject()
                    .put("wamid", message.wamid())
                    .put("phoneNumberId", message.phoneNumberId())
                    .put("to", message.to())
                    .put("type", message.type())
                    .put("text", message.text())
                    .put("contextMessageId", message.contextMessageId())
                    .put("at", message.at().toString())
                    .set("json", json.readTree(message.json()));
        }
        return all;
    }

    private JsonNode readObject(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = json.readTree(HttpExchanges.readBody(exchange));
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("Expected a JSON object");
            }
            return body;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode request, String field) {
        String value = text(request.path(field));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpExchanges.sendJson(exchange, status, json, body);
    }
}
