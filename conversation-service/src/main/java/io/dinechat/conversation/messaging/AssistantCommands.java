package io.dinechat.conversation.messaging;

import io.dinechat.conversation.dialog.AssistantCommand;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.OrderLine;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the dialog's commands to reservation.commands.v1 and order.commands.v1 through the
 * outbox, in the turn's transaction, keyed by conversation; the command id is the CloudEvent id
 * (docs/contracts.md), so a replayed command is recognised by the other service.
 */
@Component
public class AssistantCommands {

    static final String SOURCE = "/conversation-service";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    public AssistantCommands(Outbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> send(UUID tenantId, ConversationKey conversation, UUID branchId, Language language,
            AssistantCommand command) {
        String lang = (language == null ? Language.ENGLISH : language).wireName();
        ObjectNode body = json.createObjectNode()
                .put("commandId", command.commandId().toString())
                .put("tenantId", tenantId.toString())
                .put("conversationKey", conversation.toString());
        if (branchId == null) {
            body.putNull("branchId");
        } else {
            body.put("branchId", branchId.toString());
        }
        body.put("language", lang);
        String type;
        String topic = Topics.RESERVATION_COMMANDS;
        switch (command) {
            case AssistantCommand.CheckAvailability c -> {
                type = "io.dinechat.reservation.availability.requested";
                body.put("guestPhone", conversation.waId()).put("date", c.date().toString())
                        .put("time", c.time() == null ? null : c.time().toString().substring(0, 5))
                        .put("partySize", c.partySize());
            }
            case AssistantCommand.CreateReservation c -> {
                type = "io.dinechat.reservation.create.requested";
                body.put("guestPhone", conversation.waId()).put("startsAt", local(c.startsAt()))
                        .put("partySize", c.partySize()).put("guestName", c.guestName())
                        .put("specialRequests", c.specialRequests());
            }
            case AssistantCommand.ModifyReservation c -> {
                type = "io.dinechat.reservation.modify.requested";
                body.put("guestPhone", conversation.waId()).put("reference", c.reference());
                if (c.startsAt() != null) {
                    body.put("startsAt", local(c.startsAt()));
                }
                if (c.partySize() != null) {
                    body.put("partySize", c.partySize());
                }
            }
            case AssistantCommand.CancelReservation c -> {
                type = "io.dinechat.reservation.cancel.requested";
                body.put("guestPhone", conversation.waId()).put("reference", c.reference());
            }
            case AssistantCommand.LookupReservations c -> {
                type = "io.dinechat.reservation.lookup.requested";
                body.put("guestPhone", conversation.waId());
            }
            case AssistantCommand.Order c -> {
                type = c.place() ? "io.dinechat.order.place.requested" : "io.dinechat.order.quote.requested";
                topic = Topics.ORDER_COMMANDS;
                ObjectNode customer = body.putObject("customer").put("phone", conversation.waId());
                if (c.customerName() != null) {
                    customer.put("name", c.customerName());
                }
                body.put("fulfilment", c.fulfilment().name().toLowerCase(Locale.ROOT));
                if (c.address() != null) {
                    ObjectNode address = body.putObject("deliveryAddress").put("text", c.address());
                    if (c.latitude() != null && c.longitude() != null) {
                        address.put("latitude", c.latitude()).put("longitude", c.longitude());
                    }
                }
                body.putNull("scheduledFor");
                if (c.notes() != null) {
                    body.put("notes", c.notes());
                }
                body.put("paymentMethod", "cash");
                var items = body.putArray("items");
                for (OrderLine line : c.items()) {
                    ObjectNode item = items.addObject().put("itemId", line.itemId().toString())
                            .put("quantity", line.quantity());
                    var options = item.putArray("optionIds");
                    line.optionIds().forEach(o -> options.add(o.toString()));
                    if (line.notes() != null) {
                        item.put("notes", line.notes());
                    }
                }
            }
            case AssistantCommand.OrderStatus c -> {
                type = "io.dinechat.order.status.requested";
                topic = Topics.ORDER_COMMANDS;
                body.put("customerPhone", conversation.waId());
            }
        }
        var event = new EventEnvelope(command.commandId().toString(), type, SOURCE, clock.instant(),
                tenantId.toString(), null, conversation.toString(), json.writeValueAsBytes(body));
        return outbox.append(topic, event);
    }

    private static String local(LocalDateTime at) {
        return at.format(LOCAL);
    }
}
