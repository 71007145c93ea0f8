package io.dinechat.conversation.llm;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Fulfilment;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.OrderLine;
import io.dinechat.conversation.understanding.Slots;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools the model may call. Reading tools (menu, hours, policies) are answered here from the
 * catalog snapshot and the model continues; acting tools (availability, booking, changes,
 * cancellation, the cart and the order, order status, confirmation, a person) end the model's part:
 * their arguments are validated against the catalog and become the same {@code Intent} and
 * {@code Slots} the offline engine produces, so the dialog policy decides what happens (ask for what
 * is missing, show a summary, wait for the guest's confirmation) and the commands go out on Kafka.
 * The model never commits anything itself.
 */
final class AssistantTools {

    static final List<String> READING = List.of("search_menu", "opening_hours", "policies");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATE = "{\"type\":\"string\",\"description\":\"YYYY-MM-DD, restaurant-local\"}";
    private static final String TIME = "{\"type\":\"string\",\"description\":\"HH:mm, 24-hour, restaurant-local\"}";
    private static final String PARTY = "{\"type\":\"integer\",\"minimum\":1,\"description\":\"number of guests\"}";
    private static final String REFERENCE = "{\"type\":\"string\",\"description\":\"booking reference like R-7K3P, if the guest gave one\"}";

    private AssistantTools() {
    }

    /** What the model asked for when it ended its part with an acting tool. */
    record Action(Intent intent, Slots slots) {
    }

    static List<ToolCallback> callbacks() {
        return List.of(
                tool("search_menu", "Find dishes and drinks on the menu with their ids, prices and options. Use it "
                        + "before naming or pricing anything.", """
                        {"type":"object","properties":{"query":{"type":"string","description":"words to look for; empty for the whole menu"}}}
                        """),
                tool("opening_hours", "The opening hours of the week and any special hours on a date.", """
                        {"type":"object","properties":{"date":%s}}
                        """.formatted(DATE)),
                tool("policies", "The restaurant's policies (reservations, cancellations, children, pets, allergies...).",
                        "{\"type\":\"object\",\"properties\":{}}"),
                tool("check_availability", "The guest wants to know if a table is free.", """
                        {"type":"object","properties":{"date":%s,"time":%s,"party_size":%s},"required":["date"]}
                        """.formatted(DATE, TIME, PARTY)),
                tool("create_reservation", "The guest wants to book a table. Pass what they said; missing details "
                        + "are asked for and a summary is confirmed before anything is booked.", """
                        {"type":"object","properties":{"date":%s,"time":%s,"party_size":%s,"name":{"type":"string"},
                         "special_requests":{"type":"string"}}}
                        """.formatted(DATE, TIME, PARTY)),
                tool("modify_reservation", "The guest wants to change a booking (only bookings made from this number).", """
                        {"type":"object","properties":{"reference":%s,"date":%s,"time":%s,"party_size":%s}}
                        """.formatted(REFERENCE, DATE, TIME, PARTY)),
                tool("cancel_reservation", "The guest wants to cancel a booking (only bookings made from this number).", """
                        {"type":"object","properties":{"reference":%s}}
                        """.formatted(REFERENCE)),
                tool("update_cart", "The guest wants to order: the items (ids from search_menu) with quantities and "
                        + "option ids, and how they get it. The order is priced and confirmed before it is placed.", """
                        {"type":"object","properties":{
                          "items":{"type":"array","items":{"type":"object","properties":{
                            "item_id":{"type":"string"},"quantity":{"type":"integer","minimum":1},
                            "option_ids":{"type":"array","items":{"type":"string"}},"notes":{"type":"string"}},
                            "required":["item_id","quantity"]}},
                          "fulfilment":{"type":"string","enum":["takeaway","delivery","on_site"]},
                          "address":{"type":"string","description":"delivery address"}}}
                        """),
                tool("place_order", "The guest confirms the order summary they were shown.",
                        "{\"type\":\"object\",\"properties\":{}}"),
                tool("order_status", "The guest asks where their order is.", "{\"type\":\"object\",\"properties\":{}}"),
                tool("confirm", "The guest says yes to the summary they were shown.", "{\"type\":\"object\",\"properties\":{}}"),
                tool("decline", "The guest says no to the summary they were shown, or drops the request.",
                        "{\"type\":\"object\",\"properties\":{}}"),
                tool("hand_over", "The guest asks for a person, or you cannot help.", """
                        {"type":"object","properties":{"reason":{"type":"string"}}}
                        """));
    }

    /** Answers a reading tool from the catalog: ids, names and prices exactly as the business wrote them. */
    static String read(String name, String arguments, CatalogFacts catalog, LocalDate today) {
        JsonNode args = args(arguments);
        ObjectNode result = JSON.createObjectNode();
        switch (name) {
            case "search_menu" -> {
                String query = GroundingGuard.fold(args.path("query").asString(""));
                ArrayNode items = result.putArray("items");
                result.put("currency", catalog.currency());
                for (CatalogFacts.MenuItem item : catalog.items()) {
                    String haystack = GroundingGuard.fold(item.name() + " " + (item.description() == null ? ""
                            : item.description()) + " " + String.join(" ", item.tags()) + " "
                            + (item.menuName() == null ? "" : item.menuName()));
                    boolean matches = query.isBlank() || List.of(query.split(" ")).stream()
                            .anyMatch(word -> word.length() > 2 && haystack.contains(word));
                    if (!matches || items.size() >= 20) {
                        continue;
                    }
                    ObjectNode row = items.addObject().put("id", item.id().toString()).put("name", item.name())
                            .put("price", item.price() == null ? null : item.price().toPlainString())
                            .put("available", item.available()).put("description", item.description());
                    ArrayNode allergens = row.putArray("allergens");
                    item.allergens().forEach(allergens::add);
                    ArrayNode options = row.putArray("options");
                    for (CatalogFacts.OptionGroup group : item.optionGroups()) {
                        for (CatalogFacts.Option option : group.options()) {
                            options.addObject().put("id", option.id().toString()).put("group", group.name())
                                    .put("name", option.name()).put("priceDelta", option.priceDelta() == null ? "0"
                                            : option.priceDelta().toPlainString()).put("available", option.available());
                        }
                    }
                }
            }
            case "opening_hours" -> {
                LocalDate date = date(args.path("date").asString(null)).orElse(today);
                ArrayNode week = result.putArray("week");
                for (DayOfWeek day : DayOfWeek.values()) {
                    LocalDate on = date.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
                    ArrayNode spans = week.addObject().put("day", day.name().toLowerCase(Locale.ROOT))
                            .put("date", on.toString()).putArray("open");
                    catalog.hoursOn(on, null).stream().filter(h -> !h.closed() && h.opens() != null)
                            .forEach(h -> spans.add(h.opens() + "-" + h.closes()));
                }
                catalog.overrideOn(date, null).ifPresent(o -> result.putObject("special").put("date", o.date().toString())
                        .put("closed", o.closed()).put("note", o.note()));
            }
            case "policies" -> {
                ArrayNode policies = result.putArray("policies");
                catalog.policies().forEach(p -> policies.addObject().put("type", p.type()).put("title", p.title())
                        .put("description", p.description()));
            }
            default -> result.put("error", "unknown tool");
        }
        return JSON.writeValueAsString(result);
    }

    /** Validates an acting tool's arguments into the policy's structure; unknown ids and bad values are dropped. */
    static Optional<Action> act(String name, String arguments, CatalogFacts catalog) {
        JsonNode args = args(arguments);
        Slots slots = Slots.none()
                .withDate(date(args.path("date").asString(null)).orElse(null))
                .withTime(time(args.path("time").asString(null)))
                .withPartySize(args.path("party_size").isInt() && args.path("party_size").asInt() > 0
                        ? args.path("party_size").asInt() : null)
                .withName(blankToNull(args.path("name").asString(null)))
                .withFreeText(blankToNull(args.path("special_requests").asString(null)))
                .withBookingReference(blankToNull(args.path("reference").asString(null)));
        return Optional.ofNullable(switch (name) {
            case "check_availability" -> new Action(Intent.AVAILABILITY, slots);
            case "create_reservation" -> new Action(Intent.BOOK, slots);
            case "modify_reservation" -> new Action(Intent.MODIFY_BOOKING, slots);
            case "cancel_reservation" -> new Action(Intent.CANCEL_BOOKING, slots);
            case "update_cart" -> new Action(Intent.ORDER, slots.withItems(lines(args.path("items"), catalog))
                    .withFulfilment(fulfilment(args.path("fulfilment").asString(null)))
                    .withAddress(blankToNull(args.path("address").asString(null))));
            case "place_order", "confirm" -> new Action(Intent.CONFIRM, Slots.none());
            case "decline" -> new Action(Intent.DENY, Slots.none());
            case "order_status" -> new Action(Intent.ORDER_STATUS, Slots.none());
            case "hand_over" -> new Action(Intent.HUMAN, Slots.none());
            default -> null;
        });
    }

    private static List<OrderLine> lines(JsonNode items, CatalogFacts catalog) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : items) {
            Optional<CatalogFacts.MenuItem> item = item(line.path("item_id").asString(""), catalog);
            int quantity = line.path("quantity").asInt(1);
            if (item.isEmpty() || quantity < 1 || quantity > 50) {
                continue; // an id the catalog does not hold is the model's invention: never ordered
            }
            List<UUID> options = new ArrayList<>();
            for (JsonNode option : line.path("option_ids")) {
                uuid(option.asString("")).filter(id -> item.get().option(id).isPresent()).ifPresent(options::add);
            }
            lines.add(new OrderLine(item.get().id(), item.get().name(), quantity, options,
                    blankToNull(line.path("notes").asString(null))));
        }
        return lines;
    }

    /** By id, or (models sometimes pass the name) by exact catalog name. */
    private static Optional<CatalogFacts.MenuItem> item(String idOrName, CatalogFacts catalog) {
        Optional<UUID> id = uuid(idOrName);
        if (id.isPresent()) {
            return catalog.item(id.get());
        }
        return catalog.items().stream().filter(i -> i.name().equalsIgnoreCase(idOrName.strip())).findFirst();
    }

    private static ToolCallback tool(String name, String description, String schema) {
        ToolDefinition definition = ToolDefinition.builder().name(name).description(description)
                .inputSchema(schema.strip()).build();
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return definition;
            }

            @Override
            public String call(String toolInput) {
                // The engine runs the tool loop itself (see LlmEngine); Spring AI never executes tools here.
                throw new UnsupportedOperationException(name + " is handled by the assistant's tool loop");
            }
        };
    }

    private static JsonNode args(String arguments) {
        try {
            return arguments == null || arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Fulfilment fulfilment(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "takeaway", "pickup", "take_away" -> Fulfilment.TAKEAWAY;
            case "delivery" -> Fulfilment.DELIVERY;
            case "on_site", "dine_in", "onsite" -> Fulfilment.ON_SITE;
            default -> null;
        };
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
