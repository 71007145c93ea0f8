package io.dinechat.testing.dialogues;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message the assistant sent to the guest, read from the Graph API request body exactly as Meta
 * would receive it: its text and the buttons or list rows it offers.
 */
public record AssistantReply(String type, String text, List<Choice> choices, boolean list) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Choice(String id, String title) {
    }

    /** @return null for a body that is not a message to a guest (read receipts, typing indicators) */
    public static AssistantReply fromGraphApiRequest(String body) {
        JsonNode json = JSON.readTree(body);
        if (json.has("status")) {
            return null;
        }
        String type = json.path("type").asString("text");
        List<Choice> choices = new ArrayList<>();
        String text;
        boolean list = false;
        switch (type) {
            case "interactive" -> {
                JsonNode interactive = json.path("interactive");
                text = interactive.path("body").path("text").asString("");
                for (JsonNode b : interactive.path("action").path("buttons")) {
                    choices.add(new Choice(b.path("reply").path("id").asString(), b.path("reply").path("title").asString()));
                }
                list = "list".equals(interactive.path("type").asString(""));
                for (JsonNode section : interactive.path("action").path("sections")) {
                    for (JsonNode row : section.path("rows")) {
                        choices.add(new Choice(row.path("id").asString(), row.path("title").asString()));
                    }
                }
            }
            case "template" -> {
                StringBuilder t = new StringBuilder("[template " + json.path("template").path("name").asString() + "]");
                for (JsonNode c : json.path("template").path("components")) {
                    for (JsonNode p : c.path("parameters")) {
                        t.append(' ').append(p.path("text").asString(""));
                    }
                }
                text = t.toString();
            }
            default -> text = json.path("text").path("body").asString("");
        }
        return new AssistantReply(type, text, List.copyOf(choices), list);
    }

    /** How it reads in a transcript. */
    public String transcriptLine() {
        if (choices.isEmpty()) {
            return text;
        }
        return text + "  " + choices.stream().map(c -> "[" + c.id() + " | " + c.title() + "]")
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
