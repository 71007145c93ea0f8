package io.dinechat.reservation.web;

import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import io.dinechat.reservation.application.LiveUpdates;
import io.dinechat.reservation.application.StaffDesk;
import io.dinechat.reservation.application.StaffDesk.Booking;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.messaging.ReservationEvents;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's reservations: the day's list, staff bookings and changes, no-shows, and a live
 * stream of changes. Owners and staff of the business (from the gateway's token) may use it.
 */
@RestController
@RequestMapping("/api/reservations")
class ReservationsController {

    private static final String UUID_PATTERN = "{id:[0-9a-fA-F\\-]{36}}";

    /** A booking as the dashboard shows it (times in the restaurant's local time). */
    record BookingView(UUID id, UUID branchId, String reference, String status, String startsAt, String endsAt,
            int partySize, String guestName, String guestPhone, String specialRequests, List<String> tables,
            String provider, boolean fromWhatsApp) {

        static BookingView of(Booking b) {
            Reservation r = b.reservation();
            return new BookingView(r.id(), r.branchId(), r.reference(), r.status(),
                    ReservationEvents.local(r.localStart()),
                    ReservationEvents.local(LocalDateTime.ofInstant(r.endsAt(), r.zone())), r.partySize(), r.guestName(),
                    r.guestPhone(), r.specialRequests(), b.tables(), r.provider() == null ? "builtin" : r.provider(),
                    r.conversationKey() != null);
        }
    }

    record NewBooking(UUID branchId, String startsAt, Integer partySize, String guestName, String guestPhone,
            String specialRequests) {
    }

    record BookingEdit(String startsAt, Integer partySize, String specialRequests, String status) {
    }

    record Cancellation(String reason) {
    }

    private final StaffDesk desk;
    private final LiveUpdates live;

    ReservationsController(StaffDesk desk, LiveUpdates live) {
        this.desk = desk;
        this.live = live;
    }

    @GetMapping
    Flux<BookingView> day(@RequestParam String date, @RequestParam(required = false) UUID branchId) {
        LocalDate day = parseDate(date);
        return staff().flatMapMany(actor -> desk.day(actor, day, branchId)).map(BookingView::of);
    }

    @GetMapping("/" + UUID_PATTERN)
    Mono<BookingView> one(@PathVariable UUID id) {
        return staff().flatMap(actor -> desk.one(actor, id)).map(BookingView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BookingView> create(@RequestBody NewBooking body) {
        InvalidRequest.require(body.partySize() != null && body.partySize() > 0 && body.partySize() <= 100,
                "partySize must be between 1 and 100");
        InvalidRequest.require(body.guestName() != null && !body.guestName().isBlank()
                && body.guestName().length() <= 200, "guestName is required (at most 200 characters)");
        InvalidRequest.require(body.specialRequests() == null || body.specialRequests().length() <= 1000,
                "specialRequests is at most 1000 characters");
        LocalDateTime startsAt = parseLocal(body.startsAt());
        return staff().flatMap(actor -> desk.create(actor, body.branchId(), startsAt, body.partySize(),
                body.guestName().strip(), body.guestPhone(), body.specialRequests())).map(BookingView::of);
    }

    @PatchMapping("/" + UUID_PATTERN)
    Mono<BookingView> edit(@PathVariable UUID id, @RequestBody BookingEdit body) {
        InvalidRequest.require(body.partySize() == null || body.partySize() > 0 && body.partySize() <= 100,
                "partySize must be between 1 and 100");
        InvalidRequest.require(body.status() == null || "confirmed".equals(body.status()),
                "status can only be set to confirmed here (cancel and no-show have their own actions)");
        LocalDateTime startsAt = body.startsAt() == null ? null : parseLocal(body.startsAt());
        return staff().flatMap(actor -> desk.edit(actor, id, startsAt, body.partySize(), body.specialRequests(),
                "confirmed".equals(body.status()))).map(BookingView::of);
    }

    @PostMapping("/" + UUID_PATTERN + "/cancel")
    Mono<BookingView> cancel(@PathVariable UUID id, @RequestBody(required = false) Cancellation body) {
        String reason = body == null ? null : body.reason();
        return staff().flatMap(actor -> desk.cancel(actor, id, reason)).map(BookingView::of);
    }

    @PostMapping("/" + UUID_PATTERN + "/no-show")
    Mono<BookingView> noShow(@PathVariable UUID id) {
        return staff().flatMap(actor -> desk.noShow(actor, id)).map(BookingView::of);
    }

    /** Live changes of the caller's business, with a heartbeat so proxies keep the stream open. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> stream() {
        return staff().flatMapMany(actor -> Flux.merge(
                live.of(actor.tenantId()).map(change -> ServerSentEvent.<Map<String, Object>>builder(change.body())
                        .event(change.type()).build()),
                // First comment at once, then every 5 s: the gateway drops a proxied response idle for 10 s.
                Flux.interval(Duration.ZERO, Duration.ofSeconds(5)).map(tick -> ServerSentEvent.<Map<String, Object>>builder()
                        .comment("keep-alive").build())));
    }

    private static Mono<Actor> staff() {
        return Actors.require(Role.OWNER, Role.STAFF, Role.PLATFORM_ADMIN);
    }

    static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequest("date must be YYYY-MM-DD");
        }
    }

    static LocalDateTime parseLocal(String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequest("startsAt must be a local date-time YYYY-MM-DDTHH:mm");
        }
    }
}
