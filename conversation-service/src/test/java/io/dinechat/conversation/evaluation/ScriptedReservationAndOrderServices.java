package io.dinechat.conversation.evaluation;

import io.dinechat.testing.EventContract;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCRIPTED STAND-IN for reservation-service and order-service, for the in-module evaluation only:
 * it reads the assistant's commands from Kafka and answers on the real topics with bodies held to
 * the published schemas, following the documented rules of the real services for the demo
 * restaurant (15-minute slots inside the opening hours with the turn time fitting before closing, 60
 * minutes' lead, parties up to 12, only the booking's own number may change or cancel it; orders
 * priced from the catalog with option deltas, a minimum of 15.00, delivery 2.00 unless 40.00 is
 * reached, and a location needed for delivery because the branch delivers within a radius). It
 * has no tables, so it never reports a full room. The real services are exercised by
 * {@code AssistantEvaluationEndToEndTests} in local-stack.
 */
final class ScriptedReservationAndOrderServices implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Beirut");

    record Booking(UUID id, String reference, String phone, LocalDateTime startsAt, int partySize, String name) {
    }

    private final String bootstrap;
    private final JsonNode catalog;
    private final Map<String, Booking> bookings = new ConcurrentHashMap<>();
    private final AtomicInteger orderNumbers = new AtomicInteger(1041);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread worker;

    ScriptedReservationAndOrderServices(String bootstrap, JsonNode catalog) {
        this.bootstrap = bootstrap;
        this.catalog = catalog;
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "scripted-services-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("reservation.commands.v1", "order.commands.v1"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        worker = Thread.ofPlatform().daemon().name("scripted-services").start(() -> {
            try (consumer; var producer = new TestProducer(bootstrap)) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        answer(producer, r);
                    }
                }
            }
        });
    }

    private void answer(TestProducer producer, ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, "ce_type");
        JsonNode command = JSON.readTree(record.value());
        ObjectNode reply = JSON.createObjectNode();
        reply.put("commandId", command.path("commandId").asString());
        reply.put("tenantId", command.path("tenantId").asString());
        reply.put("conversationKey", command.path("conversationKey").asString());
        String answerType;
        String topic = type.startsWith("io.dinechat.reservation.") ? "reservation.events.v1" : "order.events.v1";
        if (topic.startsWith("reservation")) {
            reply.put("branchId", branchId());
            answerType = reservation(type, command, reply);
        } else {
            answerType = order(type, command, reply);
        }
        byte[] body = JSON.writeValueAsBytes(reply);
        EventContract.assertValid(answerType, body); // the stand-in speaks the published contract
        producer.send(topic, record.key(), UUID.randomUUID().toString(), answerType, command.path("tenantId").asString(),
                new String(body, StandardCharsets.UTF_8));
    }

    // --- reservations -------------------------------------------------------------------------

    private String reservation(String type, JsonNode c, ObjectNode reply) {
        String phone = c.path("guestPhone").asString();
        switch (type) {
            case "io.dinechat.reservation.availability.requested" -> {
                int party = c.path("partySize").asInt();
                if (party > 12) {
                    return rejected(reply, "availability", "PARTY_TOO_LARGE");
                }
                LocalDate date = LocalDate.parse(c.path("date").asString());
                List<LocalDateTime> slots = slots(date, party);
                String time = c.path("time").asString(null);
                if (time != null) {
                    LocalDateTime wanted = date.atTime(LocalTime.parse(time));
                    slots = slots.stream().sorted(Comparator.comparingLong(
                            (LocalDateTime t) -> Math.abs(Duration.between(wanted, t).toMinutes()))).limit(8)
                            .sorted().toList();
                }
                reply.put("date", date.toString());
                reply.put("partySize", party);
                ArrayNode array = reply.putArray("slots");
                slots.forEach(t -> array.addObject().put("startsAt", t.toString()));
                return "io.dinechat.reservation.availability.answered";
            }
            case "io.dinechat.reservation.create.requested" -> {
                LocalDateTime at = LocalDateTime.parse(c.path("startsAt").asString());
                int party = c.path("partySize").asInt();
                if (party > 12) {
                    return rejected(reply, "create", "PARTY_TOO_LARGE");
                }
                if (!slots(at.toLocalDate(), party).contains(at)) {
                    return rejected(reply, "create", "CLOSED");
                }
                Booking b = new Booking(UUID.randomUUID(), reference(), phone, at, party, c.path("guestName").asString());
                bookings.put(b.reference(), b);
                reply.put("reservationId", b.id().toString()).put("reference", b.reference()).put("status", "confirmed")
                        .put("startsAt", at.toString()).put("partySize", party).put("guestName", b.name())
                        .put("guestPhone", phone).putNull("specialRequests");
                return "io.dinechat.reservation.booked";
            }
            case "io.dinechat.reservation.modify.requested", "io.dinechat.reservation.cancel.requested" -> {
                boolean cancel = type.contains("cancel");
                Booking b = bookings.get(c.path("reference").asString());
                if (b == null) {
                    return rejected(reply, cancel ? "cancel" : "modify", "NOT_FOUND");
                }
                if (!b.phone().equals(phone)) {
                    return rejected(reply, cancel ? "cancel" : "modify", "NOT_OWNER");
                }
                if (cancel) {
                    bookings.remove(b.reference());
                    reply.put("reservationId", b.id().toString()).put("reference", b.reference())
                            .put("cancelledBy", "guest").putNull("reason");
                    return "io.dinechat.reservation.cancelled";
                }
                LocalDateTime at = c.hasNonNull("startsAt") ? LocalDateTime.parse(c.path("startsAt").asString())
                        : b.startsAt();
                int party = c.hasNonNull("partySize") ? c.path("partySize").asInt() : b.partySize();
                if (!slots(at.toLocalDate(), party).contains(at)) {
                    return rejected(reply, "modify", "CLOSED");
                }
                Booking changed = new Booking(b.id(), b.reference(), b.phone(), at, party, b.name());
                bookings.put(b.reference(), changed);
                reply.put("reservationId", b.id().toString()).put("reference", b.reference())
                        .put("startsAt", at.toString()).put("partySize", party).put("status", "confirmed");
                return "io.dinechat.reservation.modified";
            }
            case "io.dinechat.reservation.lookup.requested" -> {
                ArrayNode found = reply.putArray("reservations");
                bookings.values().stream().filter(b -> b.phone().equals(phone))
                        .sorted(Comparator.comparing(Booking::startsAt))
                        .forEach(b -> found.addObject().put("reference", b.reference())
                                .put("startsAt", b.startsAt().toString()).put("partySize", b.partySize())
                                .put("status", "confirmed"));
                return "io.dinechat.reservation.looked.up";
            }
            default -> {
                return rejected(reply, "availability", "INVALID");
            }
        }
    }

    /** The demo's hours: 15-minute slots from opening, the turn (90/120/150 min) ending by closing, 60 min lead. */
    private static List<LocalDateTime> slots(LocalDate date, int party) {
        LocalTime opens = LocalTime.NOON;
        Duration open = switch (date.getDayOfWeek()) {
            case MONDAY -> Duration.ZERO;
            case FRIDAY, SATURDAY -> Duration.ofHours(13);
            case SUNDAY -> Duration.ofHours(10);
            default -> Duration.ofHours(11);
        };
        Duration turn = Duration.ofMinutes(party <= 2 ? 90 : party <= 4 ? 120 : 150);
        LocalDateTime earliest = LocalDateTime.now(ZONE).plusMinutes(60);
        List<LocalDateTime> slots = new ArrayList<>();
        LocalDateTime closes = date.atTime(opens).plus(open);
        for (LocalDateTime t = date.atTime(opens); !t.plus(turn).isAfter(closes); t = t.plusMinutes(15)) {
            if (!t.isBefore(earliest) && date.getDayOfWeek() != DayOfWeek.MONDAY) {
                slots.add(t);
            }
        }
        return slots;
    }

    private static String rejected(ObjectNode reply, String command, String code) {
        reply.put("command", command);
        reply.putArray("reasons").addObject().put("code", code).put("message", code.toLowerCase());
        reply.putArray("alternatives");
        return "io.dinechat.reservation.rejected";
    }

    private static String reference() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // as reservation-service's BookingReference
        StringBuilder ref = new StringBuilder("R-");
        for (int i = 0; i < 5; i++) {
            ref.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return ref.toString();
    }

    // --- orders ---------------------------------------------------------------------------------

    private String order(String type, JsonNode c, ObjectNode reply) {
        if (type.equals("io.dinechat.order.status.requested")) {
            reply.putArray("orders");
            return "io.dinechat.order.status.answered";
        }
        boolean place = type.equals("io.dinechat.order.place.requested");
        String command = place ? "place" : "quote";
        Map<String, JsonNode> items = new LinkedHashMap<>();
        catalog.path("menus").forEach(m -> m.path("items").forEach(i -> items.put(i.path("id").asString(), i)));
        List<ObjectNode> problems = new ArrayList<>();
        ArrayNode lines = JSON.createArrayNode();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : c.path("items")) {
            JsonNode item = items.get(line.path("itemId").asString());
            if (item == null) {
                problems.add(problem("ITEM_NOT_FOUND", line.path("itemId").asString(), "not on the menu"));
                continue;
            }
            if (!"available".equals(item.path("availability").asString())) {
                problems.add(problem("ITEM_UNAVAILABLE", item.path("id").asString(), "out of stock"));
                continue;
            }
            ArrayNode options = JSON.createArrayNode();
            BigDecimal unit = new BigDecimal(item.path("price").asString());
            boolean valid = true;
            List<String> chosen = new ArrayList<>();
            line.path("optionIds").forEach(o -> chosen.add(o.asString()));
            for (JsonNode group : item.path("optionGroups")) {
                int picked = 0;
                for (JsonNode option : group.path("options")) {
                    if (chosen.contains(option.path("id").asString())) {
                        picked++;
                        valid &= option.path("available").asBoolean();
                        unit = unit.add(new BigDecimal(option.path("priceDelta").asString()));
                        options.addObject().put("optionId", option.path("id").asString())
                                .put("name", option.path("name").asString())
                                .put("priceDelta", option.path("priceDelta").asString());
                    }
                }
                valid &= picked >= group.path("minChoices").asInt() && picked <= group.path("maxChoices").asInt();
            }
            if (!valid || options.size() != chosen.size()) {
                problems.add(problem("INVALID_OPTIONS", item.path("id").asString(), "options do not fit the item"));
                continue;
            }
            int quantity = line.path("quantity").asInt();
            BigDecimal total = unit.multiply(BigDecimal.valueOf(quantity)).setScale(2);
            subtotal = subtotal.add(total);
            ObjectNode priced = lines.addObject();
            priced.put("itemId", item.path("id").asString()).put("name", item.path("name").asString())
                    .put("quantity", quantity).put("unitPrice", unit.setScale(2).toPlainString());
            priced.set("options", options);
            priced.put("lineTotal", total.toPlainString());
        }
        String fulfilment = c.path("fulfilment").asString();
        if (problems.isEmpty() && subtotal.compareTo(new BigDecimal("15.00")) < 0) {
            problems.add(problem("BELOW_MINIMUM", null, "the minimum order is 15.00 USD"));
        }
        JsonNode address = c.path("deliveryAddress");
        if ("delivery".equals(fulfilment) && !(address.hasNonNull("latitude") && address.hasNonNull("longitude"))) {
            problems.add(problem("INVALID", null, "the branch delivers within 3 km: the address needs a location"));
        }
        if (!problems.isEmpty()) {
            System.out.println("[scripted order-service] " + command + " refused for " + c.path("conversationKey").asString()
                    + ": " + problems + " — items asked: " + describe(c.path("items"), items));
            reply.put("command", command);
            reply.putArray("reasons").addAll(problems);
            return "io.dinechat.order.rejected";
        }
        BigDecimal fee = "delivery".equals(fulfilment) && subtotal.compareTo(new BigDecimal("40.00")) < 0
                ? new BigDecimal("2.00") : BigDecimal.ZERO.setScale(2);
        reply.put("branchId", branchId()).put("fulfilment", fulfilment).putNull("scheduledFor")
                .put("estimatedReadyAt", java.time.Instant.now().plus(Duration.ofMinutes(25)).toString());
        reply.set("lines", lines);
        reply.put("subtotal", subtotal.toPlainString()).put("deliveryFee", fee.toPlainString())
                .put("total", subtotal.add(fee).toPlainString()).put("currency", "USD");
        if (!place) {
            return "io.dinechat.order.quoted";
        }
        reply.put("orderId", UUID.randomUUID().toString()).put("reference", "A-" + orderNumbers.incrementAndGet())
                .put("status", "pending");
        return "io.dinechat.order.placed";
    }

    /** The lines as the assistant asked for them, with option names, for the evaluation's log. */
    private static String describe(JsonNode lines, Map<String, JsonNode> items) {
        List<String> out = new ArrayList<>();
        for (JsonNode line : lines) {
            JsonNode item = items.get(line.path("itemId").asString());
            List<String> names = new ArrayList<>();
            line.path("optionIds").forEach(o -> {
                String name = o.asString();
                if (item != null) {
                    for (JsonNode g : item.path("optionGroups")) {
                        for (JsonNode option : g.path("options")) {
                            if (option.path("id").asString().equals(o.asString())) {
                                name = option.path("name").asString();
                            }
                        }
                    }
                }
                names.add(name);
            });
            out.add(line.path("quantity").asInt() + "x " + (item == null ? line.path("itemId").asString()
                    : item.path("name").asString()) + " " + names);
        }
        return out.toString();
    }

    private static ObjectNode problem(String code, String itemId, String message) {
        ObjectNode p = JSON.createObjectNode();
        p.put("code", code);
        if (itemId == null) {
            p.putNull("itemId");
        } else {
            p.put("itemId", itemId);
        }
        p.put("message", message);
        return p;
    }

    private String branchId() {
        return catalog.path("branches").path(0).path("id").asString();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
