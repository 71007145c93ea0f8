package io.dinechat.conversation.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the restaurant sends a guest on WhatsApp. Free-form kinds ({@link Text}, {@link ReplyButtons},
 * {@link ListMenu}) may only be sent inside the 24-hour customer-service window; a {@link Template}
 * (approved by Meta beforehand) may be sent at any time. The limits are Meta's, checked here so a
 * bad reply fails when it is built, not when Meta rejects it.
 */
public sealed interface OutboundContent {

    /** The words a person reads, for the conversation log. */
    String readable();

    /** Free-form content needs the guest to have written in the last 24 hours. */
    default boolean needsOpenWindow() {
        return !(this instanceof Template);
    }

    /** Meta's WhatsApp message type this becomes on the wire. */
    default String wireType() {
        return switch (this) {
            case Text t -> "text";
            case ReplyButtons b -> "interactive";
            case ListMenu l -> "interactive";
            case Template t -> "template";
        };
    }

    record Text(String body) implements OutboundContent {
        public Text {
            requireText(body, "body", 4096);
        }

        @Override
        public String readable() {
            return body;
        }
    }

    /** Up to three quick-reply buttons under a body; the tapped button's id comes back as a {@code button_reply}. */
    record ReplyButtons(String body, List<Button> buttons) implements OutboundContent {
        public ReplyButtons {
            requireText(body, "body", 1024);
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty() || buttons.size() > 3) {
                throw new IllegalArgumentException("reply buttons need 1 to 3 buttons, got " + buttons.size());
            }
        }

        @Override
        public String readable() {
            return body + " " + buttons.stream().map(b -> "[" + b.title() + "]").reduce((a, b) -> a + " " + b).orElse("");
        }
    }

    record Button(String id, String title) {
        public Button {
            requireText(id, "button id", 256);
            requireText(title, "button title", 20);
        }
    }

    /** A list the guest opens with {@code buttonLabel}; the chosen row's id comes back as a {@code list_reply}. */
    record ListMenu(String body, String buttonLabel, List<Section> sections) implements OutboundContent {
        public ListMenu {
            requireText(body, "body", 4096);
            requireText(buttonLabel, "button label", 20);
            sections = List.copyOf(sections);
            int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
            if (sections.isEmpty() || sections.size() > 10 || rows == 0 || rows > 10) {
                throw new IllegalArgumentException("a list needs 1-10 sections and 1-10 rows in all");
            }
        }

        @Override
        public String readable() {
            return body;
        }
    }

    record Section(String title, List<Row> rows) {
        public Section {
            if (title != null && title.length() > 24) {
                throw new IllegalArgumentException("section title longer than 24");
            }
            rows = List.copyOf(rows);
        }
    }

    record Row(String id, String title, String description) {
        public Row {
            requireText(id, "row id", 200);
            requireText(title, "row title", 24);
            if (description != null && description.length() > 72) {
                throw new IllegalArgumentException("row description longer than 72");
            }
        }
    }

    /** An approved template; {@code parameters} fill the body's {{1}}, {{2}}... in order. */
    record Template(String name, String languageCode, List<String> parameters) implements OutboundContent {
        public Template {
            requireText(name, "template name", 512);
            requireText(languageCode, "template language", 16);
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }

        @Override
        public String readable() {
            return "template " + name + (parameters.isEmpty() ? "" : " " + parameters);
        }
    }

    private static void requireText(String value, String what, int max) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1-" + max + " characters");
        }
    }
}
