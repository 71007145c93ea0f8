package io.dinechat.reservation.messaging;

import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.reservation.application.LiveUpdates;
import io.dinechat.reservation.domain.Refusal;
import io.dinechat.reservation.domain.Reminder;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.domain.ReservationCommand;
import io.dinechat.reservation.persistence.CommandReplies;
import io.dinechat.reservation.persistence.CommandReplies.StoredReply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what reservation-service says on {@code reservation.events.v1} and
 * {@code notification.requests.v1}, always through the outbox inside the caller's tenant
 * transaction. A command's reply has an id derived from the command id and is stored with it, so
 * a redelivered command is answered with the very same event.
 */
@Component
public class ReservationEvents {

    public static final String SOURCE = "/reservation-service";
    public static final String AVAILABILITY_ANSWERED = "io.dinechat.reservation.availability.answered";
    public static final String BOOKED = "io.dinechat.reservation.booked";
    public static final String MODIFIED = "io.dinechat.reservation.modified";
    public static final String CANCELLED = "io.dinechat.reservation.cancelled";
    public static final String REJECTED = "io.dinechat.reservation.rejected";
    public static final String LOOKED_UP = "io.dinechat.reservation.looked.up";
    public static final String NO_SHOW_MARKED = "io.dinechat.reservation.no_show.marked";
    public static final String NOTIFICATION_REQUESTED = "io.dinechat.notification.requested";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** An event body before it gets the common fields. */
    public record Reply(String type, Map<String, Object> body) {
    }

    private final Outbox outbox;
    private final CommandReplies replies;
    private final LiveUpdates live;
    private final JsonMapper json;
    private final Clock clock;

    public ReservationEvents(Outbox outbox, CommandReplies replies, LiveUpdates live, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.replies = replies;
        this.live = live;
        this.json = json;
        this.clock = clock;
    }

    /** Answers a command: stores the reply beside the command id and queues it, keyed by the conversation. */
    public Mono<Void> answer(ReservationCommand command, UUID branchId, Reply reply) {
        var c = command.common();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", c.commandId().toString());
        body.put("tenantId", c.tenantId().toString());
        body.put("conversationKey", c.conversationKey());
        body.put("branchId", branchId == null ? null : branchId.toString());
        body.putAll(reply.body());
        byte[] bytes = json.writeValueAsBytes(body);
        UUID eventId = replyId(c.commandId());
        return replies.save(c.tenantId(), c.commandId(), new StoredReply(eventId, reply.type(), bytes), clock.instant())
                .then(outbox.append(Topics.RESERVATION_EVENTS, new EventEnvelope(eventId.toString(), reply.type(),
                        SOURCE, clock.instant(), c.tenantId().toString(), null, c.conversationKey(), bytes)))
                .then(announce(c.tenantId(), reply.type(), body));
    }

    /** A redelivered command: queue the stored reply again unless it is still waiting in the outbox. */
    public Mono<Void> answerAgain(ReservationCommand command, StoredReply stored) {
        var c = command.common();
        return replies.stillQueued(stored.eventId()).flatMap(queued -> queued ? Mono.<Void>empty()
                : outbox.append(Topics.RESERVATION_EVENTS, new EventEnvelope(stored.eventId().toString(), stored.type(),
                        SOURCE, clock.instant(), c.tenantId().toString(), null, c.conversationKey(), stored.body())));
    }

    /**
     * A change staff made in the dashboard (or a no-show): keyed by the booking's conversation when it
     * came from WhatsApp, so the assistant can tell the guest, else by the reservation id.
     */
    public Mono<Void> staffChange(Reservation r, Reply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", null);
        body.put("tenantId", r.tenantId().toString());
        body.put("conversationKey", r.conversationKey());
        body.put("branchId", r.branchId().toString());
        body.putAll(reply.body());
        String key = r.conversationKey() != null ? r.conversationKey() : r.id().toString();
        return outbox.append(Topics.RESERVATION_EVENTS, new EventEnvelope(UUID.randomUUID().toString(), reply.type(),
                SOURCE, clock.instant(), r.tenantId().toString(), null, key, json.writeValueAsBytes(body)))
                .then(announce(r.tenantId(), reply.type(), body));
    }

    /** Booking changes also go to the dashboard's live stream, once committed. */
    private Mono<Void> announce(UUID tenantId, String type, Map<String, Object> body) {
        if (!List.of(BOOKED, MODIFIED, CANCELLED, NO_SHOW_MARKED).contains(type)) {
            return Mono.empty();
        }
        return live.publishAfterCommit(new LiveUpdates.Change(tenantId, type, body));
    }

    /** A reminder for the guest, sent by conversation-service as text inside the 24-hour window or as a template outside it. */
    public Mono<Void> remind(Reservation r, Reminder reminder, int offsetMinutes) {
        // One id per booking and offset: a reminder queued twice is sent once.
        UUID notificationId = UUID.nameUUIDFromBytes(("reminder:" + r.id() + ":" + offsetMinutes)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notificationId.toString());
        body.put("tenantId", r.tenantId().toString());
        body.put("conversationKey", r.conversationKey());
        body.put("purpose", "reservation_reminder");
        String language = r.language() == null ? "english" : r.language();
        body.put("language", language);
        body.put("text", reminder.text());
        body.put("buttons", reminder.buttons().stream()
                .map(b -> Map.of("id", b.id(), "title", b.title())).toList());
        body.put("template", Map.of("name", reminder.templateName(), "language", language,
                "parameters", reminder.templateParameters()));
        body.put("expiresAt", r.startsAt().toString());
        return outbox.append(Topics.NOTIFICATION_REQUESTS, new EventEnvelope(notificationId.toString(),
                NOTIFICATION_REQUESTED, SOURCE, clock.instant(), r.tenantId().toString(), null, r.conversationKey(),
                json.writeValueAsBytes(body)));
    }

    public static UUID replyId(UUID commandId) {
        return UUID.nameUUIDFromBytes(("reply:" + commandId).getBytes(StandardCharsets.UTF_8));
    }

    // Bodies, as docs/contracts.md fixes them.

    public static Reply availability(LocalDate date, int partySize, List<LocalDateTime> slots, List<Refusal> reasons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("partySize", partySize);
        body.put("slots", slots.stream().map(s -> Map.of("startsAt", local(s))).toList());
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons(reasons));
        }
        return new Reply(AVAILABILITY_ANSWERED, body);
    }

    public static Reply booked(Reservation r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reservationId", r.id().toString());
        body.put("reference", r.reference());
        body.put("status", r.status());
        body.put("startsAt", local(r.localStart()));
        body.put("partySize", r.partySize());
        body.put("guestName", r.guestName());
        body.put("guestPhone", r.guestPhone());
        body.put("specialRequests", r.specialRequests());
        return new Reply(BOOKED, body);
    }

    public static Reply modified(Reservation r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reservationId", r.id().toString());
        body.put("reference", r.reference());
        body.put("startsAt", local(r.localStart()));
        body.put("partySize", r.partySize());
        body.put("status", r.status());
        return new Reply(MODIFIED, body);
    }

    public static Reply cancelled(Reservation r, String by, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reservationId", r.id().toString());
        body.put("reference", r.reference());
        body.put("cancelledBy", by);
        body.put("reason", reason);
        return new Reply(CANCELLED, body);
    }

    public static Reply noShow(Reservation r) {
        return new Reply(NO_SHOW_MARKED, Map.of("reservationId", r.id().toString(), "reference", r.reference()));
    }

    public static Reply rejected(String command, List<Refusal> reasons, List<LocalDateTime> alternatives) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", command);
        body.put("reasons", reasons(reasons));
        body.put("alternatives", alternatives.stream().map(ReservationEvents::local).toList());
        return new Reply(REJECTED, body);
    }

    public static Reply lookedUp(List<Reservation> found) {
        return new Reply(LOOKED_UP, Map.of("reservations", found.stream().map(r -> Map.of(
                "reference", r.reference(), "startsAt", local(r.localStart()), "partySize", r.partySize(),
                "status", r.status())).toList()));
    }

    private static List<Map<String, String>> reasons(List<Refusal> reasons) {
        return reasons.stream().map(r -> Map.of("code", r.code().name(), "message", r.message())).toList();
    }

    public static String local(LocalDateTime t) {
        return t.format(LOCAL);
    }
}
