package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.JsonFields.hasText;
import static io.dinechat.localstack.whatsapp.JsonFields.text;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The checks Meta applies to a send before accepting it. Catching here what Meta would reject,
 * such as a fourth reply button or a 21-character button title, keeps such bugs out of production.
 */
final class OutboundMessageRules {

    static final Set<String> MESSAGE_TYPES = Set.of("text", "interactive", "template", "image", "audio", "video",
            "document", "sticker", "location", "contacts", "reaction");

    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document", "sticker");
    private static final int TEXT_BODY_MAX = 4096;
    private static final int INTERACTIVE_BODY_MAX = 1024;
    private static final int REPLY_BUTTONS_MAX = 3;
    private static final int BUTTON_TITLE_MAX = 20;
    private static final int LIST_SECTIONS_MAX = 10;
    private static final int LIST_ROWS_MAX = 10;
    private static final int ROW_TITLE_MAX = 24;

    private OutboundMessageRules() {
    }

    /** Checks a message send and returns its type, which Meta defaults to {@code text}. */
    static String checkSend(JsonNode body) {
        checkMessagingProduct(body);
        String recipientType = text(body.path("recipient_type"));
        if (recipientType != null && !"individual".equals(recipientType)) {
            throw GraphApiException.invalidParameter("recipient_type must be \"individual\", got \"" + recipientType + "\".");
        }
        if (!hasText(body.path("to"))) {
            throw GraphApiException.requiredParameter("to");
        }
        if (text(body.path("to")).replaceAll("\\D", "").isEmpty()) {
            throw GraphApiException.invalidParameter("to must be a phone number, got \"" + text(body.path("to")) + "\".");
        }
        JsonNode context = body.path("context");
        if (!context.isMissingNode() && !hasText(context.path("message_id"))) {
            throw GraphApiException.requiredParameter("context['message_id']");
        }

        String type = body.has("type") ? text(body.path("type")) : "text";
        if (type == null || !MESSAGE_TYPES.contains(type)) {
            throw GraphApiException.invalidParameter("type must be one of " + new TreeSet<>(MESSAGE_TYPES)
                    + ", got " + body.path("type") + ".");
        }
        JsonNode content = body.path(type);
        if (!(content.isObject() || content.isArray())) {
            throw GraphApiException.requiredParameter(type);
        }
        switch (type) {
            case "text" -> checkText(content);
            case "interactive" -> checkInteractive(content);
            case "template" -> checkTemplate(content);
            case "location" -> checkLocation(content);
            case "reaction" -> require(content, "reaction", "message_id");
            case "contacts" -> checkContacts(content);
            default -> checkMedia(type, content);
        }
        return type;
    }

    /** Checks a mark-as-read request: {@code {"messaging_product":"whatsapp","status":"read","message_id":...}}. */
    static void checkMarkRead(JsonNode body) {
        checkMessagingProduct(body);
        if (!"read".equals(text(body.path("status")))) {
            throw GraphApiException.invalidParameter("status must be \"read\", got " + body.path("status") + ".");
        }
        if (!hasText(body.path("message_id"))) {
            throw GraphApiException.requiredParameter("message_id");
        }
    }

    static boolean isMarkRead(JsonNode body) {
        return body.has("status");
    }

    private static void checkMessagingProduct(JsonNode body) {
        if (!body.has("messaging_product")) {
            throw GraphApiException.requiredParameter("messaging_product");
        }
        if (!"whatsapp".equals(text(body.path("messaging_product")))) {
            throw GraphApiException.invalidParameter("messaging_product must be \"whatsapp\", got "
                    + body.path("messaging_product") + ".");
        }
    }

    private static void checkText(JsonNode text) {
        require(text, "text", "body");
        maxLength(text.path("body"), TEXT_BODY_MAX, "text['body']");
    }

    private static void checkInteractive(JsonNode interactive) {
        require(interactive, "interactive", "type");
        if (!interactive.path("action").isObject()) {
            throw GraphApiException.requiredParameter("interactive['action']");
        }
        String type = text(interactive.path("type"));
        if ("button".equals(type) || "list".equals(type)) {
            require(interactive.path("body"), "interactive['body']", "text");
            maxLength(interactive.path("body").path("text"), INTERACTIVE_BODY_MAX, "interactive['body']['text']");
        }
        switch (type) {
            case "button" -> checkReplyButtons(interactive.path("action").path("buttons"));
            case "list" -> checkList(interactive.path("action"));
            default -> {
                // cta_url, flow, location_request_message...: accepted as sent.
            }
        }
    }

    private static void checkReplyButtons(JsonNode buttons) {
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > REPLY_BUTTONS_MAX) {
            throw GraphApiException.valueNotValid("interactive['action']['buttons'] must hold 1 to "
                    + REPLY_BUTTONS_MAX + " buttons.");
        }
        for (JsonNode button : buttons) {
            JsonNode reply = button.path("reply");
            if (!"reply".equals(text(button.path("type")))) {
                throw GraphApiException.valueNotValid("Every button needs \"type\": \"reply\".");
            }
            require(reply, "button['reply']", "id");
            require(reply, "button['reply']", "title");
            maxLength(reply.path("title"), BUTTON_TITLE_MAX, "Button title");
        }
    }

    private static void checkList(JsonNode action) {
        require(action, "interactive['action']", "button");
        maxLength(action.path("button"), BUTTON_TITLE_MAX, "List button text");
        JsonNode sections = action.path("sections");
        if (!sections.isArray() || sections.isEmpty() || sections.size() > LIST_SECTIONS_MAX) {
            throw GraphApiException.valueNotValid("interactive['action']['sections'] must hold 1 to "
                    + LIST_SECTIONS_MAX + " sections.");
        }
        int rowCount = 0;
        for (JsonNode section : sections) {
            JsonNode rows = section.path("rows");
            if (!rows.isArray() || rows.isEmpty()) {
                throw GraphApiException.valueNotValid("Every list section needs at least one row.");
            }
            for (JsonNode row : rows) {
                require(row, "row", "id");
                require(row, "row", "title");
                maxLength(row.path("title"), ROW_TITLE_MAX, "Row title");
                rowCount++;
            }
        }
        if (rowCount > LIST_ROWS_MAX) {
            throw GraphApiException.valueNotValid("A list may hold at most " + LIST_ROWS_MAX + " rows in total, got "
                    + rowCount + ".");
        }
    }

    private static void checkTemplate(JsonNode template) {
        require(template, "template", "name");
        require(template.path("language"), "template['language']", "code");
    }

    private static void checkLocation(JsonNode location) {
        if (!location.path("latitude").isNumber() && !hasText(location.path("latitude"))) {
            throw GraphApiException.requiredParameter("location['latitude']");
        }
        if (!location.path("longitude").isNumber() && !hasText(location.path("longitude"))) {
            throw GraphApiException.requiredParameter("location['longitude']");
        }
    }

    private static void checkContacts(JsonNode contacts) {
        if (!contacts.isArray() || contacts.isEmpty()) {
            throw GraphApiException.invalidParameter("contacts must be a non-empty array.");
        }
    }

    private static void checkMedia(String type, JsonNode media) {
        if (!hasText(media.path("id")) && !hasText(media.path("link"))) {
            throw GraphApiException.invalidParameter(type + " needs either an \"id\" or a \"link\".");
        }
    }

    private static void require(JsonNode parent, String parentName, String field) {
        if (!hasText(parent.path(field))) {
            throw GraphApiException.requiredParameter(parentName + "['" + field + "']");
        }
    }

    private static void maxLength(JsonNode field, int max, String name) {
        String value = text(field);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw GraphApiException.valueNotValid(name + " is too long. Max length: " + max + ".");
        }
    }
}
