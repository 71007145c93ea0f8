package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.JsonFields.text;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The guest's phone: turns what a guest types or taps into the webhooks Meta would post. */
final class GuestMessenger {

    private static final Logger log = LoggerFactory.getLogger(GuestMessenger.class);

    private final SimulatorConfig config;
    private final MessageLog messages;
    private final WebhookSender sender;
    private final MetaWebhookPayloads payloads;
    private final JsonMapper json;
    private final Clock clock;

    GuestMessenger(SimulatorConfig config, MessageLog messages, WebhookSender sender, MetaWebhookPayloads payloads,
                   JsonMapper json, Clock clock) {
        this.config = config;
        this.messages = messages;
        this.sender = sender;
        this.payloads = payloads;
        this.json = json;
        this.clock = clock;
    }

    WebhookDelivery sendText(String phoneNumberId, String waId, String name, String text) {
        SimulatedNumber number = number(phoneNumberId);
        String guest = Require.waId(waId, "waId");
        GuestMessage message = new GuestMessage(Wamids.next(guest), phoneNumberId, guest, Require.text(name, "name"),
                "text", Require.text(text, "text"), null, clock.instant());
        return send(number, message, null);
    }

    /**
     * @param contextMessageId the wamid of the message whose button or row was tapped; when {@code null}, the
     *                         latest message to this guest that offered {@code reply.id()}, if any
     */
    WebhookDelivery sendReply(String phoneNumberId, String waId, String name, InteractiveReply reply,
                              String contextMessageId) {
        SimulatedNumber number = number(phoneNumberId);
        String guest = Require.waId(waId, "waId");
        String context = contextMessageId != null ? contextMessageId
                : latestMessageOffering(phoneNumberId, guest, reply.id()).orElse(null);
        GuestMessage message = new GuestMessage(Wamids.next(guest), phoneNumberId, guest, Require.text(name, "name"),
                "interactive", reply.title(), reply, clock.instant());
        return send(number, message, context);
    }

    /** Posts an earlier delivery's bytes again, as Meta does when it got no timely 200. */
    WebhookDelivery redeliver(WebhookDelivery earlier) {
        return resend(earlier.messageId(), earlier.payload());
    }

    WebhookDelivery redeliver(String messageId) {
        byte[] payload = messages.guestPayload(messageId).orElseThrow(() -> new IllegalArgumentException(
                "No guest message with id " + messageId + " to redeliver"));
        return resend(messageId, payload);
    }

    private WebhookDelivery resend(String messageId, byte[] payload) {
        int status = sender.resend(payload);
        messages.recordWebhookStatus(messageId, status);
        log.info("Redelivered guest message {}; webhook answered {}", messageId, status);
        return new WebhookDelivery(messageId, status, payload);
    }

    private WebhookDelivery send(SimulatedNumber number, GuestMessage message, String contextMessageId) {
        byte[] payload = payloads.guestMessage(number, message, contextMessageId);
        // Recorded before posting: the restaurant's answer may come back before the webhook call returns.
        messages.recordGuest(message, payload);
        int status = sender.send(payload);
        messages.recordWebhookStatus(message.messageId(), status);
        log.info("Guest {} wrote to {} ({}); webhook answered {}", message.waId(), number.phoneNumberId(),
                message.messageId(), status);
        return new WebhookDelivery(message.messageId(), status, payload);
    }

    private SimulatedNumber number(String phoneNumberId) {
        return config.number(phoneNumberId).orElseThrow(() -> new IllegalArgumentException(
                "Unknown phone number id '" + phoneNumberId + "'; the simulator has "
                        + config.numbers().stream().map(SimulatedNumber::phoneNumberId).toList()));
    }

    /** Meta puts the tapped message in {@code context}; find which one offered this button or row. */
    private Optional<String> latestMessageOffering(String phoneNumberId, String waId, String replyId) {
        List<ChatMessage> conversation = messages.conversation(phoneNumberId, waId);
        for (ChatMessage message : conversation.reversed()) {
            if (message instanceof OutboundMessage outbound && "interactive".equals(outbound.type())
                    && offers(json.readTree(outbound.json()).path("interactive").path("action"), replyId)) {
                return Optional.of(outbound.wamid());
            }
        }
        return Optional.empty();
    }

    private static boolean offers(JsonNode action, String replyId) {
        for (JsonNode button : action.path("buttons")) {
            if (replyId.equals(text(button.path("reply").path("id")))) {
                return true;
            }
        }
        for (JsonNode section : action.path("sections")) {
            for (JsonNode row : section.path("rows")) {
                if (replyId.equals(text(row.path("id")))) {
                    return true;
                }
            }
        }
        return false;
    }
}
