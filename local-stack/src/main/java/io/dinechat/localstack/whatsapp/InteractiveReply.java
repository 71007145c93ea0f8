package io.dinechat.localstack.whatsapp;

import java.util.Arrays;

/**
 * A guest tapping a reply button or a list row the restaurant sent.
 *
 * @param kind        button or list row
 * @param id          the id the restaurant gave the button or row
 * @param title       its title, which WhatsApp shows as the guest's message
 * @param description a list row's description, or {@code null}
 */
public record InteractiveReply(Kind kind, String id, String title, String description) {

    public InteractiveReply {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        Require.text(id, "reply id");
        Require.text(title, "reply title");
    }

    public static InteractiveReply button(String id, String title) {
        return new InteractiveReply(Kind.BUTTON_REPLY, id, title, null);
    }

    public static InteractiveReply listRow(String id, String title, String description) {
        return new InteractiveReply(Kind.LIST_REPLY, id, title, description);
    }

    /** The two reply kinds, named as in Meta's {@code interactive.type}. */
    public enum Kind {
        BUTTON_REPLY("button_reply"),
        LIST_REPLY("list_reply");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWireName(String wireName) {
            return Arrays.stream(values())
                    .filter(kind -> kind.wireName.equals(wireName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "reply type must be button_reply or list_reply, got '" + wireName + "'"));
        }
    }
}
