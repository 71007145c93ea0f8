package io.dinechat.localstack.whatsapp;

import tools.jackson.databind.JsonNode;

/** Null-tolerant reads of optional JSON fields. */
final class JsonFields {

    private JsonFields() {
    }

    /** The string value, or {@code null} when the node is missing or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    static boolean hasText(JsonNode node) {
        String text = text(node);
        return text != null && !text.isBlank();
    }
}
