package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.JsonFields.text;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One line of text for an accepted send, for the chat page, logs and test assertions. */
final class OutboundRendering {

    private OutboundRendering() {
    }

    /** @param body a send that passed {@link OutboundMessageRules#checkSend} */
    static String summarize(String type, JsonNode body) {
        JsonNode content = body.path(type);
        return switch (type) {
            case "text" -> text(content.path("body"));
            case "interactive" -> interactive(content);
            case "template" -> "[template " + text(content.path("name"))
                    + " (" + text(content.path("language").path("code")) + ")]";
            case "location" -> "[location] " + joinPresent(text(content.path("name")), text(content.path("address")),
                    content.path("latitude").asString() + "," + content.path("longitude").asString());
            case "reaction" -> {
                String emoji = text(content.path("emoji"));
                yield emoji == null || emoji.isEmpty() ? "[reaction removed]" : "[reaction " + emoji + "]";
            }
            case "contacts" -> "[contacts] " + contactNames(content);
            default -> media(type, content);
        };
    }

    /** The body text guests read first; the buttons or rows stay in the recorded JSON. */
    private static String interactive(JsonNode interactive) {
        String body = text(interactive.path("body").path("text"));
        if (body != null) {
            return body;
        }
        String header = text(interactive.path("header").path("text"));
        return header != null ? header : "[interactive " + text(interactive.path("type")) + "]";
    }

    private static String media(String type, JsonNode media) {
        String label = joinPresent(text(media.path("caption")), text(media.path("filename")));
        return label.isEmpty() ? "[" + type + "]" : "[" + type + "] " + label;
    }

    private static String contactNames(JsonNode contacts) {
        List<String> names = new ArrayList<>();
        for (JsonNode contact : contacts) {
            String name = text(contact.path("name").path("formatted_name"));
            names.add(name != null ? name : "?");
        }
        return String.join(", ", names);
    }

    private static String joinPresent(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(" — ", present);
    }
}
