package io.dinechat.reservation.messaging;

import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import io.dinechat.reservation.application.ReservationDesk;
import io.dinechat.reservation.domain.ReservationCommand;
import io.dinechat.reservation.domain.ReservationCommand.Cancel;
import io.dinechat.reservation.domain.ReservationCommand.CheckAvailability;
import io.dinechat.reservation.domain.ReservationCommand.Common;
import io.dinechat.reservation.domain.ReservationCommand.Create;
import io.dinechat.reservation.domain.ReservationCommand.Lookup;
import io.dinechat.reservation.domain.ReservationCommand.Modify;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code reservation.commands.v1}. Each command is handled to the end on the consumer
 * thread before the next of its partition, so one conversation's commands and replies stay in
 * order; other conversations proceed on other partitions.
 */
@Component
class ReservationCommandListener {

    static final String AVAILABILITY = "io.dinechat.reservation.availability.requested";
    static final String CREATE = "io.dinechat.reservation.create.requested";
    static final String MODIFY = "io.dinechat.reservation.modify.requested";
    static final String CANCEL = "io.dinechat.reservation.cancel.requested";
    static final String LOOKUP = "io.dinechat.reservation.lookup.requested";
    /** Longer than any provider timeout and retry: the answer is always produced within it. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ReservationDesk desk;
    private final JsonMapper json;

    ReservationCommandListener(ReservationDesk desk, JsonMapper json) {
        this.desk = desk;
        this.json = json;
    }

    @KafkaListener(id = "reservation-commands", topics = Topics.RESERVATION_COMMANDS, groupId = Topics.GROUP)
    void onCommand(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        ReservationCommand command = parse(event.type(), json.readTree(event.json()));
        if (command != null) {
            desk.handle(command).block(LIMIT);
        }
    }

    /** @return the command, or null for a type this version does not know (skipped, not failed) */
    static ReservationCommand parse(String type, JsonNode body) {
        if (!type.startsWith("io.dinechat.reservation.") || !type.endsWith(".requested")) {
            return null;
        }
        try {
            Common common = new Common(uuid(body, "commandId"), uuid(body, "tenantId"), text(body, "conversationKey"),
                    text(body, "guestPhone"), optionalUuid(body, "branchId"), body.path("language").asString("english"));
            return switch (type) {
                case AVAILABILITY -> new CheckAvailability(common, LocalDate.parse(text(body, "date")),
                        body.hasNonNull("time") ? LocalTime.parse(body.path("time").asString()) : null,
                        body.path("partySize").asInt(0));
                case CREATE -> new Create(common, LocalDateTime.parse(text(body, "startsAt")),
                        body.path("partySize").asInt(0), body.path("guestName").asString(null),
                        body.path("specialRequests").asString(null));
                case MODIFY -> new Modify(common, text(body, "reference"),
                        body.hasNonNull("startsAt") ? LocalDateTime.parse(body.path("startsAt").asString()) : null,
                        body.hasNonNull("partySize") ? body.path("partySize").asInt() : null,
                        body.path("specialRequests").asString(null));
                case CANCEL -> new Cancel(common, text(body, "reference"), body.path("reason").asString(null));
                case LOOKUP -> new Lookup(common);
                default -> null;
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable reservation command: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        String value = body.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("reservation command without " + field);
        }
        return value;
    }

    private static UUID uuid(JsonNode body, String field) {
        return UUID.fromString(text(body, field));
    }

    private static UUID optionalUuid(JsonNode body, String field) {
        String value = body.path(field).asString(null);
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }
}
