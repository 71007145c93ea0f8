package io.dinechat.archive.application;

import io.dinechat.archive.persistence.MessageLogs;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Logs every message of every conversation in {@code message_logs}: guests' messages as
 * webhook-ingest received them and as conversation-service stored them (merged into one document by
 * WhatsApp message id), the assistant's replies and staff's answers. An erased guest's later
 * messages are logged under the pseudonym, without name or text.
 */
@Service
public class MessageArchiving {

    private final MessageLogs messages;
    private final GuestPseudonyms pseudonyms;

    public MessageArchiving(MessageLogs messages, GuestPseudonyms pseudonyms) {
        this.messages = messages;
        this.pseudonyms = pseudonyms;
    }

    /** A WhatsApp message seen by webhook-ingest: the business is not known yet. */
    public Mono<Void> received(LoggedMessage m) {
        return messages.record(key(m), fields(m), m.at());
    }

    /** A message as conversation-service logged it, with its business. */
    public Mono<Void> logged(LoggedMessage m) {
        return pseudonyms.erasedAs(m.tenantId(), m.guestPhone())
                .map(pseudonym -> m.forgotten(pseudonym))
                .defaultIfEmpty(m)
                .flatMap(stored -> messages.record(key(m), fields(stored), m.at()));
    }

    /**
     * A turn of the assistant or a handoff change of a conversation, kept beside its messages (same
     * retention, same erasure): {@code kind} says which.
     */
    public Mono<Void> conversationRecord(String key, String tenantId, String conversationKey, Map<String, Object> details,
            Instant at) {
        int colon = conversationKey.indexOf(':');
        String phoneNumberId = conversationKey.substring(0, colon);
        String guest = conversationKey.substring(colon + 1);
        return pseudonyms.erasedAs(tenantId, guest).map(p -> phoneNumberId + ":" + p).defaultIfEmpty(conversationKey)
                .flatMap(stored -> {
                    Map<String, Object> f = new HashMap<>(details);
                    f.put("tenantId", tenantId);
                    f.put("conversationKey", stored);
                    f.put("phoneNumberId", phoneNumberId);
                    f.put("guestPhone", stored.substring(colon + 1));
                    f.put("at", java.util.Date.from(at));
                    return messages.record(key, f, at);
                });
    }

    private static String key(LoggedMessage m) {
        return m.whatsappMessageId() != null ? "wa:" + m.whatsappMessageId() : "msg:" + m.conversationMessageId();
    }

    private static Map<String, Object> fields(LoggedMessage m) {
        Map<String, Object> f = new HashMap<>();
        f.put("tenantId", m.tenantId());
        f.put("conversationKey", m.conversationKey());
        f.put("phoneNumberId", m.phoneNumberId());
        f.put("guestPhone", m.guestPhone());
        f.put("contactName", m.contactName());
        f.put("kind", "message");
        f.put("channel", "whatsapp");
        f.put("direction", m.direction());
        f.put("author", m.author());
        f.put("messageType", m.type());
        f.put("text", m.text());
        f.put("whatsappMessageId", m.whatsappMessageId());
        f.put("conversationMessageId", m.conversationMessageId());
        f.put("at", m.at() == null ? null : java.util.Date.from(m.at()));
        f.put("engine", m.engine());
        f.put("modelAnswered", m.modelAnswered());
        f.put("tokens", m.tokens());
        f.put("latencyMs", m.latencyMs());
        if (m.erased()) {
            f.put("erased", true);
        }
        return f;
    }

    /**
     * One message as a source reported it; nulls are what that source does not know.
     *
     * @param tokens the model's token counts as reported (a number or {input, output}), null without a model
     */
    public record LoggedMessage(String tenantId, String conversationKey, String phoneNumberId, String guestPhone,
            String contactName, String direction, String author, String type, String text, String whatsappMessageId,
            String conversationMessageId, Instant at, String engine, Boolean modelAnswered, Object tokens,
            Long latencyMs, boolean erased) {

        LoggedMessage forgotten(String pseudonym) {
            return new LoggedMessage(tenantId, phoneNumberId + ":" + pseudonym, phoneNumberId, pseudonym, null,
                    direction, author, type, null, whatsappMessageId, conversationMessageId, at, engine, modelAnswered,
                    tokens, latencyMs, true);
        }
    }
}
