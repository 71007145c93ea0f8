package io.dinechat.ingest.meta;

import io.dinechat.ingest.domain.ConversationKey;
import io.dinechat.ingest.domain.MalformedWebhookException;
import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.ingest.domain.WebhookRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one webhook from Meta's WhatsApp Cloud API, which may batch several entries, changes,
 * messages and statuses, into one record per message or status, each keyed by its conversation
 * {@code <phone_number_id>:<wa_id>}. The original Meta object travels inside each record
 * untouched, so nothing Meta sent is lost even for message types we do not interpret yet.
 */
public class WebhookPayloadSplitter {

    private final JsonMapper json;

    public WebhookPayloadSplitter(JsonMapper json) {
        this.json = json;
    }

    public List<WebhookRecord> split(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !"whatsapp_business_account".equals(text(root, "object"))) {
            throw new MalformedWebhookException("not a whatsapp_business_account webhook");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw new MalformedWebhookException("webhook without an entry array");
        }
        List<WebhookRecord> records = new ArrayList<>();
        for (JsonNode entry : entries) {
            String wabaId = text(entry, "id");
            for (JsonNode change : entry.path("changes")) {
                splitChange(wabaId, text(change, "field"), change.path("value"), records);
            }
        }
        return records;
    }

    private void splitChange(String wabaId, String field, JsonNode value, List<WebhookRecord> out) {
        JsonNode metadata = value.path("metadata");
        String phoneNumberId = text(metadata, "phone_number_id");
        String displayNumber = text(metadata, "display_phone_number");
        if ("messages".equals(field) && phoneNumberId != null) {
            for (JsonNode message : value.path("messages")) {
                out.add(message(Kind.MESSAGE_RECEIVED, wabaId, phoneNumberId, displayNumber, text(message, "from"),
                        contactName(value, text(message, "from")), message));
            }
            for (JsonNode status : value.path("statuses")) {
                out.add(status(wabaId, phoneNumberId, status));
            }
            if (value.has("errors") && !value.has("messages") && !value.has("statuses")) {
                out.add(notice(wabaId, field, phoneNumberId, value));
            }
        } else if ("smb_message_echoes".equals(field) && phoneNumberId != null) {
            // Staff answered from the WhatsApp Business App: the guest is the recipient.
            for (JsonNode echo : value.path("message_echoes")) {
                out.add(message(Kind.MESSAGE_ECHOED, wabaId, phoneNumberId, displayNumber, text(echo, "to"), null, echo));
            }
        } else {
            out.add(notice(wabaId, field, phoneNumberId, value));
        }
    }

    private WebhookRecord message(Kind kind, String wabaId, String phoneNumberId, String displayNumber, String waId,
            String contactName, JsonNode message) {
        String messageId = text(message, "id");
        if (waId == null || messageId == null) {
            throw new MalformedWebhookException("a message without from/to or id");
        }
        var key = new ConversationKey(phoneNumberId, waId);
        ObjectNode body = json.createObjectNode()
                .put("conversationKey", key.toString())
                .put("wabaId", wabaId)
                .put("phoneNumberId", phoneNumberId)
                .put("displayPhoneNumber", displayNumber)
                .put("waId", waId)
                .put("contactName", contactName)
                .put("messageId", messageId)
                .put("sentAt", epochSeconds(text(message, "timestamp")))
                .put("type", text(message, "type"))
                .put("text", readableText(message))
                .put("replyId", replyId(message))
                .put("mediaId", mediaId(message))
                .put("contextMessageId", text(message.path("context"), "id"));
        if (message.path("referral").isObject()) {
            body.set("referral", message.get("referral")); // the ad or post the guest came from
        }
        body.set("message", message);
        return new WebhookRecord(kind, deterministicId(kind.name(), messageId), key.toString(), bytes(body),
                text(message, "type"));
    }

    private WebhookRecord status(String wabaId, String phoneNumberId, JsonNode status) {
        String recipient = text(status, "recipient_id");
        String messageId = text(status, "id");
        String state = text(status, "status");
        if (recipient == null || messageId == null || state == null) {
            throw new MalformedWebhookException("a status without recipient_id, id or status");
        }
        var key = new ConversationKey(phoneNumberId, recipient);
        ObjectNode body = json.createObjectNode()
                .put("conversationKey", key.toString())
                .put("wabaId", wabaId)
                .put("phoneNumberId", phoneNumberId)
                .put("recipientId", recipient)
                .put("messageId", messageId)
                .put("status", state)
                .put("at", epochSeconds(text(status, "timestamp")));
        body.set("errors", status.path("errors").isArray() ? status.get("errors") : json.createArrayNode());
        body.set("statusObject", status);
        return new WebhookRecord(Kind.STATUS_UPDATED, deterministicId("STATUS", messageId + "/" + state), key.toString(),
                bytes(body), state);
    }

    private WebhookRecord notice(String wabaId, String field, String phoneNumberId, JsonNode value) {
        String key = phoneNumberId != null ? phoneNumberId : "waba:" + wabaId;
        ObjectNode body = json.createObjectNode()
                .put("wabaId", wabaId)
                .put("field", field)
                .put("phoneNumberId", phoneNumberId);
        body.set("value", value);
        byte[] bytes = bytes(body);
        return new WebhookRecord(Kind.NOTICE_RECEIVED, UUID.nameUUIDFromBytes(bytes).toString(), key, bytes, field);
    }

    /** What a person would read: the text, a caption, the title of the button or list row tapped, a place, a contact. */
    static String readableText(JsonNode message) {
        String type = text(message, "type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "text" -> text(message.path("text"), "body");
            case "button" -> text(message.path("button"), "text");
            case "interactive" -> text(interactiveReply(message), "title");
            case "image", "video", "document" -> text(message.path(type), "caption");
            case "reaction" -> text(message.path("reaction"), "emoji");
            case "location" -> joined(", ", text(message.path("location"), "name"), text(message.path("location"), "address"));
            case "contacts" -> {
                List<String> names = new ArrayList<>();
                message.path("contacts").forEach(c -> names.add(text(c.path("name"), "formatted_name")));
                yield joined(", ", names.toArray(String[]::new));
            }
            case "order" -> text(message.path("order"), "text");
            case "system" -> text(message.path("system"), "body");
            default -> null; // audio, sticker, unsupported: nothing to read, the raw object says the rest
        };
    }

    /** The id we gave the button or list row the guest tapped, or a template quick reply's payload. */
    static String replyId(JsonNode message) {
        return switch (String.valueOf(text(message, "type"))) {
            case "interactive" -> text(interactiveReply(message), "id");
            case "button" -> text(message.path("button"), "payload");
            default -> null;
        };
    }

    /** The media id to download (voice notes, photos...) with the business's token. */
    static String mediaId(JsonNode message) {
        String type = text(message, "type");
        return type == null ? null : switch (type) {
            case "audio", "image", "video", "document", "sticker" -> text(message.path(type), "id");
            default -> null;
        };
    }

    private static JsonNode interactiveReply(JsonNode message) {
        JsonNode interactive = message.path("interactive");
        return interactive.has("button_reply") ? interactive.path("button_reply") : interactive.path("list_reply");
    }

    private static String joined(String separator, String... parts) {
        String result = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
                .reduce((a, b) -> a + separator + b).orElse(null);
        return result;
    }

    private String contactName(JsonNode value, String waId) {
        for (JsonNode contact : value.path("contacts")) {
            if (waId != null && waId.equals(text(contact, "wa_id"))) {
                return text(contact.path("profile"), "name");
            }
        }
        return null;
    }

    private static String epochSeconds(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp)).toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new MalformedWebhookException("timestamp is not epoch seconds: " + timestamp);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static String deterministicId(String kind, String naturalId) {
        return UUID.nameUUIDFromBytes((kind + "/" + naturalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private byte[] bytes(JsonNode node) {
        return json.writeValueAsBytes(node);
    }
}
