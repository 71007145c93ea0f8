package io.dinechat.localstack.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One webhook the simulator posted for a guest message: the message's wamid, the webhook
 * endpoint's HTTP status, and the exact bytes sent, so a test can redeliver them as Meta does.
 */
public record WebhookDelivery(String messageId, int statusCode, byte[] payload) {

    public WebhookDelivery {
        Require.text(messageId, "messageId");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy: the bytes stay exactly what was signed and sent. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean accepted() {
        return statusCode >= 200 && statusCode < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery that
                && statusCode == that.statusCode
                && messageId.equals(that.messageId)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, statusCode, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "WebhookDelivery[messageId=" + messageId + ", statusCode=" + statusCode
                + ", payload=" + payload.length + " bytes]";
    }
}
