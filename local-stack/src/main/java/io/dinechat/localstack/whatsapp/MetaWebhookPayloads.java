package io.dinechat.localstack.whatsapp;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds webhook bodies in the shape Meta's Cloud API posts them: one entry for the WhatsApp
 * Business Account, one {@code messages} change, and either {@code contacts} plus {@code messages}
 * (a guest wrote) or {@code statuses} (what happened to a message the business sent).
 */
final class MetaWebhookPayloads {

    /** Meta bills a conversation for 24 hours from its first message. */
    private static final Duration CONVERSATION_WINDOW = Duration.ofHours(24);

    private final JsonMapper json;
    private final String wabaId;

    MetaWebhookPayloads(JsonMapper json, String wabaId) {
        this.json = json;
        this.wabaId = wabaId;
    }

    /**
     * @param contextMessageId for a tapped button or row, the wamid of the message that offered it; else {@code null}
     */
    byte[] guestMessage(SimulatedNumber number, GuestMessage guest, String contextMessageId) {
        ObjectNode root = json.createObjectNode();
        ObjectNode value = envelope(root, number);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", guest.name());
        contact.put("wa_id", guest.waId());

        ObjectNode message = value.putArray("messages").addObject();
        if (contextMessageId != null) {
            message.putObject("context")
                    .put("from", number.displayPhoneNumberDigits())
                    .put("id", contextMessageId);
        }
        message.put("from", guest.waId());
        message.put("id", guest.messageId());
        message.put("timestamp", unixSeconds(guest.at()));
        message.put("type", guest.type());
        InteractiveReply reply = guest.reply();
        if (reply == null) {
            message.putObject("text").put("body", guest.text());
        } else {
            ObjectNode interactive = message.putObject("interactive").put("type", reply.kind().wireName());
            ObjectNode tapped = interactive.putObject(reply.kind().wireName())
                    .put("id", reply.id())
                    .put("title", reply.title());
            if (reply.description() != null) {
                tapped.put("description", reply.description());
            }
        }
        return json.writeValueAsBytes(root);
    }

    /**
     * @param status         {@code sent}, {@code delivered} or {@code read}
     * @param conversationId stays the same for one business number and guest, as Meta's does within its window
     */
    byte[] status(SimulatedNumber number, OutboundMessage sent, String status, Instant at, String conversationId) {
        ObjectNode root = json.createObjectNode();
        ObjectNode value = envelope(root, number);
        ObjectNode statusNode = value.putArray("statuses").addObject()
                .put("id", sent.wamid())
                .put("status", status)
                .put("timestamp", unixSeconds(at))
                .put("recipient_id", sent.to());

        // Templates open business-initiated conversations; everything else answers the guest.
        String category = "template".equals(sent.type()) ? "utility" : "service";
        ObjectNode conversation = statusNode.putObject("conversation").put("id", conversationId);
        if ("sent".equals(status)) {
            // Meta includes the expiry only on the first status of a conversation's message.
            conversation.put("expiration_timestamp", unixSeconds(sent.at().plus(CONVERSATION_WINDOW)));
        }
        conversation.putObject("origin").put("type", category);
        // Service conversations have been free since November 2024.
        statusNode.putObject("pricing")
                .put("billable", !"service".equals(category))
                .put("pricing_model", "CBP")
                .put("category", category);
        return json.writeValueAsBytes(root);
    }

    /** Adds the envelope common to every webhook to {@code root} and returns the change's {@code value}. */
    private ObjectNode envelope(ObjectNode root, SimulatedNumber number) {
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", wabaId);
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", number.displayPhoneNumberDigits())
                .put("phone_number_id", number.phoneNumberId());
        change.put("field", "messages");
        return value;
    }

    private static String unixSeconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }
}
