package io.dinechat.ingest.domain;

/**
 * One thing Meta told us, ready to be published on its own: a guest's message, a message staff
 * sent from the WhatsApp Business App (coexistence echo), a delivery status, or another
 * notification for the number (history sync, app state, errors).
 *
 * @param id   deterministic for the same fact, so Meta's redeliveries carry the same event id
 * @param key  the Kafka key: the conversation, or the number for number-wide notices
 * @param json the event body
 * @param type Meta's message type, the status value, or the notice's field (for metrics)
 */
public record WebhookRecord(Kind kind, String id, String key, byte[] json, String type) {

    public enum Kind {
        MESSAGE_RECEIVED("io.dinechat.whatsapp.message.received"),
        MESSAGE_ECHOED("io.dinechat.whatsapp.message.echoed"),
        STATUS_UPDATED("io.dinechat.whatsapp.status.updated"),
        NOTICE_RECEIVED("io.dinechat.whatsapp.notice.received");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }

        /** Messages and echoes are what a conversation reads; statuses and notices go on the status topic. */
        public boolean isConversational() {
            return this == MESSAGE_RECEIVED || this == MESSAGE_ECHOED;
        }
    }
}
