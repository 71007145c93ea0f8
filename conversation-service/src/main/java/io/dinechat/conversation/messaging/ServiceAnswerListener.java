package io.dinechat.conversation.messaging;

import io.dinechat.conversation.application.ConversationTurns;
import io.dinechat.conversation.dialog.DialogState;
import io.dinechat.conversation.dialog.Quote;
import io.dinechat.conversation.dialog.ServiceAnswer;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads reservation-service's and order-service's answers to the assistant's commands (keyed by
 * conversation, so they arrive in order with the conversation's other records) and resumes the
 * dialog. Events without a conversation or command id (staff changes, status moves) are not answers.
 */
@Component
class ServiceAnswerListener {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ConversationTurns turns;
    private final JsonMapper json;

    ServiceAnswerListener(ConversationTurns turns, JsonMapper json) {
        this.turns = turns;
        this.json = json;
    }

    @KafkaListener(id = "assistant-answers", topics = {Topics.RESERVATION_EVENTS, Topics.ORDER_EVENTS},
            groupId = Topics.GROUP)
    void onAnswer(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        JsonNode body = json.readTree(event.json());
        String commandId = body.path("commandId").asString(null);
        String key = body.path("conversationKey").asString(null);
        if (commandId == null || key == null) {
            return;
        }
        ServiceAnswer answer = toAnswer(event.type(), UUID.fromString(commandId), body);
        if (answer == null) {
            return; // a type this version does not resume on
        }
        UUID tenantId;
        try {
            tenantId = UUID.fromString(body.path("tenantId").asString(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("answer without a tenantId");
        }
        turns.resume(tenantId, ConversationKey.parse(key), event.id(), answer).block(LIMIT);
    }

    static ServiceAnswer toAnswer(String type, UUID commandId, JsonNode body) {
        return switch (type) {
            case "io.dinechat.reservation.availability.answered" -> new ServiceAnswer.Availability(commandId,
                    times(body.path("slots"), "startsAt"));
            case "io.dinechat.reservation.booked" -> new ServiceAnswer.Booked(commandId, body.path("reference").asString(),
                    local(body.path("startsAt").asString()), body.path("partySize").asInt(),
                    body.path("status").asString("confirmed"));
            case "io.dinechat.reservation.modified" -> new ServiceAnswer.Modified(commandId,
                    body.path("reference").asString(), local(body.path("startsAt").asString()),
                    body.path("partySize").asInt());
            case "io.dinechat.reservation.cancelled" -> new ServiceAnswer.Cancelled(commandId,
                    body.path("reference").asString());
            case "io.dinechat.reservation.looked.up" -> {
                List<DialogState.Booking> bookings = new ArrayList<>();
                for (JsonNode r : body.path("reservations")) {
                    bookings.add(new DialogState.Booking(r.path("reference").asString(),
                            local(r.path("startsAt").asString()), r.path("partySize").asInt(),
                            r.path("status").asString(null)));
                }
                yield new ServiceAnswer.LookedUp(commandId, bookings);
            }
            case "io.dinechat.reservation.rejected" -> new ServiceAnswer.ReservationRejected(commandId,
                    body.path("command").asString(null), codes(body.path("reasons")), times(body.path("alternatives"), null));
            case "io.dinechat.order.quoted" -> new ServiceAnswer.Quoted(commandId, quote(body));
            case "io.dinechat.order.placed" -> new ServiceAnswer.Placed(commandId, body.path("reference").asString(),
                    quote(body), body.path("estimatedReadyAt").asString(null));
            case "io.dinechat.order.rejected" -> {
                List<UUID> items = new ArrayList<>();
                for (JsonNode r : body.path("reasons")) {
                    String item = r.path("itemId").asString(null);
                    if (item != null) {
                        items.add(UUID.fromString(item));
                    }
                }
                yield new ServiceAnswer.OrderRejected(commandId, body.path("command").asString(null),
                        codes(body.path("reasons")), items);
            }
            case "io.dinechat.order.status.answered" -> {
                List<ServiceAnswer.OrderSummary> orders = new ArrayList<>();
                for (JsonNode o : body.path("orders")) {
                    orders.add(new ServiceAnswer.OrderSummary(o.path("reference").asString(), o.path("status").asString(),
                            o.path("total").asString(), o.path("currency").asString("")));
                }
                yield new ServiceAnswer.StatusAnswered(commandId, orders);
            }
            default -> null;
        };
    }

    private static Quote quote(JsonNode body) {
        List<Quote.Line> lines = new ArrayList<>();
        for (JsonNode l : body.path("lines")) {
            List<String> options = new ArrayList<>();
            l.path("options").forEach(o -> options.add(o.path("name").asString()));
            lines.add(new Quote.Line(l.path("name").asString(), l.path("quantity").asInt(), options,
                    new BigDecimal(l.path("lineTotal").asString("0"))));
        }
        return new Quote(lines, new BigDecimal(body.path("subtotal").asString("0")),
                new BigDecimal(body.path("deliveryFee").asString("0")), new BigDecimal(body.path("total").asString("0")),
                body.path("currency").asString(""), body.path("fulfilment").asString(null));
    }

    private static List<String> codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.path("code").asString("INVALID")));
        return codes;
    }

    private static List<LocalDateTime> times(JsonNode array, String field) {
        List<LocalDateTime> times = new ArrayList<>();
        array.forEach(n -> times.add(local((field == null ? n : n.path(field)).asString())));
        return times;
    }

    /** Restaurant-local {@code YYYY-MM-DDTHH:mm} (seconds tolerated). */
    private static LocalDateTime local(String value) {
        return LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value);
    }
}
