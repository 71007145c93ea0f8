package io.dinechat.conversation.persistence;

import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.Button;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Row;
import io.dinechat.conversation.domain.OutboundContent.Section;
import io.dinechat.conversation.domain.OutboundContent.Template;
import io.dinechat.conversation.domain.OutboundContent.Text;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an outbound message is kept in {@code messages.payload}: {@code {"content":{"kind":...},
 * "fallback":{template}?}}, our own neutral shape (not Meta's), so the sender can pick the wire
 * form at send time, when it knows whether the 24-hour window is still open.
 */
public final class OutboundPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutboundPayloads() {
    }

    public static String write(OutboundContent content, Template fallback) {
        ObjectNode root = JSON.createObjectNode();
        root.set("content", content(content));
        if (fallback != null) {
            root.set("fallback", content(fallback));
        }
        return JSON.writeValueAsString(root);
    }

    public static OutboundContent content(String payload) {
        return read(JSON.readTree(payload).path("content"));
    }

    public static Template fallback(String payload) {
        JsonNode fallback = JSON.readTree(payload).path("fallback");
        return fallback.isObject() ? (Template) read(fallback) : null;
    }

    static ObjectNode content(OutboundContent content) {
        ObjectNode node = JSON.createObjectNode();
        switch (content) {
            case Text t -> node.put("kind", "text").put("body", t.body());
            case ReplyButtons b -> {
                node.put("kind", "buttons").put("body", b.body());
                ArrayNode buttons = node.putArray("buttons");
                b.buttons().forEach(button -> buttons.addObject().put("id", button.id()).put("title", button.title()));
            }
            case ListMenu l -> {
                node.put("kind", "list").put("body", l.body()).put("buttonLabel", l.buttonLabel());
                ArrayNode sections = node.putArray("sections");
                for (Section s : l.sections()) {
                    ObjectNode section = sections.addObject().put("title", s.title());
                    ArrayNode rows = section.putArray("rows");
                    s.rows().forEach(r -> rows.addObject().put("id", r.id()).put("title", r.title())
                            .put("description", r.description()));
                }
            }
            case Template t -> {
                node.put("kind", "template").put("name", t.name()).put("languageCode", t.languageCode());
                ArrayNode parameters = node.putArray("parameters");
                t.parameters().forEach(parameters::add);
            }
        }
        return node;
    }

    static OutboundContent read(JsonNode node) {
        return switch (node.path("kind").asString("")) {
            case "text" -> new Text(node.path("body").asString());
            case "buttons" -> {
                List<Button> buttons = new ArrayList<>();
                node.path("buttons").forEach(b -> buttons.add(new Button(b.path("id").asString(), b.path("title").asString())));
                yield new ReplyButtons(node.path("body").asString(), buttons);
            }
            case "list" -> {
                List<Section> sections = new ArrayList<>();
                node.path("sections").forEach(s -> {
                    List<Row> rows = new ArrayList<>();
                    s.path("rows").forEach(r -> rows.add(new Row(r.path("id").asString(), r.path("title").asString(),
                            r.path("description").asString(null))));
                    sections.add(new Section(s.path("title").asString(null), rows));
                });
                yield new ListMenu(node.path("body").asString(), node.path("buttonLabel").asString(), sections);
            }
            case "template" -> {
                List<String> parameters = new ArrayList<>();
                node.path("parameters").forEach(p -> parameters.add(p.asString()));
                yield new Template(node.path("name").asString(), node.path("languageCode").asString(), parameters);
            }
            default -> throw new IllegalArgumentException("unknown outbound content kind: " + node.path("kind"));
        };
    }
}
