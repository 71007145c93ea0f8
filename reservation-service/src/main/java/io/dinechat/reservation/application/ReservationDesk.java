package io.dinechat.reservation.application;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.BookingReference;
import io.dinechat.reservation.domain.GuestPhone;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingOutcome;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.Declined;
import io.dinechat.reservation.domain.ProviderTypes.SlotSearch;
import io.dinechat.reservation.domain.ReasonCode;
import io.dinechat.reservation.domain.Refusal;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.domain.ReservationCommand;
import io.dinechat.reservation.domain.ReservationCommand.Cancel;
import io.dinechat.reservation.domain.ReservationCommand.CheckAvailability;
import io.dinechat.reservation.domain.ReservationCommand.Create;
import io.dinechat.reservation.domain.ReservationCommand.Lookup;
import io.dinechat.reservation.domain.ReservationCommand.Modify;
import io.dinechat.reservation.domain.Restaurant;
import io.dinechat.reservation.messaging.ReservationEvents;
import io.dinechat.reservation.messaging.ReservationEvents.Reply;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.CommandReplies;
import io.dinechat.reservation.persistence.ReservationStore;
import io.dinechat.reservation.provider.ProviderDirectory;
import io.dinechat.reservation.provider.ProviderUnavailableException;
import io.dinechat.reservation.provider.ReservationProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Answers the assistant's reservation commands, each exactly once: a command id already answered
 * gets its stored reply again. Ownership is checked here against our own record, never left to a
 * provider: only the number that booked may change or cancel. A provider that cannot be reached
 * yields a PROVIDER_UNAVAILABLE answer, so the guest hears it at once instead of waiting.
 */
@Service
public class ReservationDesk {

    private static final Logger log = LoggerFactory.getLogger(ReservationDesk.class);
    /** Losing a race (table taken, reference drawn twice) re-runs the command on fresh data. */
    private static final int RACE_RETRIES = 8;
    /** Availability answers with at most this many times around a preferred time. */
    private static final int SLOTS_AROUND_PREFERRED = 8;
    private static final Duration PREFERRED_WINDOW = Duration.ofHours(2);

    private final TenantTransactions tenants;
    private final CommandReplies replies;
    private final ReservationStore reservations;
    private final CatalogReadModel catalog;
    private final ProviderDirectory providers;
    private final ReservationEvents events;
    private final ExternalBookings external;
    private final Clock clock;

    public ReservationDesk(TenantTransactions tenants, CommandReplies replies, ReservationStore reservations,
            CatalogReadModel catalog, ProviderDirectory providers, ReservationEvents events,
            ExternalBookings external, Clock clock) {
        this.tenants = tenants;
        this.replies = replies;
        this.reservations = reservations;
        this.catalog = catalog;
        this.providers = providers;
        this.events = events;
        this.external = external;
        this.clock = clock;
    }

    public Mono<Void> handle(ReservationCommand command) {
        UUID tenant = command.common().tenantId();
        return Mono.defer(() -> tenants.inTenant(tenant, () -> replies.find(command.common().commandId())
                        .flatMap(stored -> events.answerAgain(command, stored).thenReturn(true))
                        .defaultIfEmpty(false))
                .flatMap(answered -> answered ? Mono.<Void>empty() : process(command)))
                .retryWhen(Retry.max(RACE_RETRIES).filter(ReservationDesk::lostARace)
                        .doBeforeRetry(signal -> log.debug("Command {} lost a race, running it again",
                                command.common().commandId())));
    }

    private Mono<Void> process(ReservationCommand command) {
        UUID tenant = command.common().tenantId();
        return tenants.inTenant(tenant, () -> catalog.restaurant(tenant)).flatMap(restaurant -> {
            UUID branch = restaurant.resolveBranch(command.common().branchId());
            return switch (command) {
                case CheckAvailability c -> availability(c, restaurant, branch);
                case Create c -> create(c, restaurant, branch);
                case Modify c -> owned(c, c.reference(), reservation -> modify(c, reservation));
                case Cancel c -> owned(c, c.reference(), reservation -> cancel(c, reservation));
                case Lookup c -> answer(c, branch, tenants.inTenant(tenant, () -> reservations
                        .upcomingOf(GuestPhone.normalize(c.common().guestPhone()), clock.instant()).collectList())
                        .map(ReservationEvents::lookedUp));
            };
        });
    }

    private Mono<Void> availability(CheckAvailability c, Restaurant restaurant, UUID branch) {
        if (branch == null) {
            return answer(c, null, Mono.just(ReservationEvents.availability(c.date(), c.partySize(), List.of(),
                    List.of(Refusal.of(ReasonCode.CLOSED, "this business has no branch taking bookings yet")))));
        }
        LocalTime from = c.time() == null ? null : c.time().minus(PREFERRED_WINDOW);
        LocalTime to = c.time() == null ? null : c.time().plus(PREFERRED_WINDOW);
        if (c.time() != null && (from.isAfter(c.time()) || to.isBefore(c.time()))) {
            from = null; // the window wraps midnight: look at the whole day
            to = null;
        }
        SlotSearch search = new SlotSearch(c.common().tenantId(), branch, c.date(), from, to, c.partySize());
        SlotSearch wholeDay = new SlotSearch(c.common().tenantId(), branch, c.date(), null, null, c.partySize());
        Mono<Reply> reply = providers.forBranch(c.common().tenantId(), branch)
                // Nothing near the preferred time: offer the nearest times of the whole day instead.
                .flatMap(provider -> provider.searchAvailability(search)
                        .flatMap(found -> found.slots().isEmpty() && search.from() != null
                                ? provider.searchAvailability(wholeDay)
                                        .map(day -> day.slots().isEmpty() ? found : day)
                                : Mono.just(found)))
                .map(found -> ReservationEvents.availability(c.date(), c.partySize(),
                        c.time() == null ? found.slots() : nearestTo(found.slots(), c.date().atTime(c.time())),
                        found.reasons()))
                .onErrorResume(ProviderUnavailableException.class, e -> Mono.just(unavailable(c, e)));
        return answer(c, branch, reply);
    }

    private Mono<Void> create(Create c, Restaurant restaurant, UUID branch) {
        if (branch == null || c.partySize() <= 0 || c.guestName() == null || c.guestName().isBlank()) {
            return answer(c, branch, Mono.just(ReservationEvents.rejected(c.kind(),
                    List.of(branch == null ? Refusal.of(ReasonCode.CLOSED, "no branch takes bookings yet")
                            : Refusal.of(ReasonCode.INVALID, "a booking needs a party size and a guest name")),
                    List.of())));
        }
        UUID tenant = c.common().tenantId();
        BookingRequest request = new BookingRequest(tenant, branch, UUID.randomUUID(), BookingReference.next(),
                c.common().commandId().toString(), c.startsAt(), c.partySize(), c.guestName().strip(),
                GuestPhone.normalize(c.common().guestPhone()), blankToNull(c.specialRequests()), c.common().language(),
                c.common().conversationKey());
        return providers.forBranch(tenant, branch).flatMap(provider -> external.viaProvider(provider, tenant,
                provider.create(request).flatMap(outcome -> outcome instanceof Declined d
                        ? alternativesFor(provider, d, tenant, branch, c.startsAt(), c.partySize())
                                .map(alternatives -> (BookingOutcome) new Declined(d.reason(), alternatives))
                        : Mono.just(outcome)),
                outcome -> switch (outcome) {
                    case Declined d -> events.answer(c, branch,
                            ReservationEvents.rejected(c.kind(), List.of(d.reason()), d.alternatives()));
                    case Booked b -> external.record(provider, request, restaurant, b)
                            .then(reservations.byId(request.reservationId()))
                            .flatMap(r -> events.answer(c, branch, ReservationEvents.booked(r)));
                },
                e -> events.answer(c, branch, unavailable(c, e))));
    }

    private Mono<Void> modify(Modify c, Reservation current) {
        if (!current.isActive()) {
            return answer(c, current.branchId(), Mono.just(ReservationEvents.rejected(c.kind(),
                    List.of(Refusal.of(ReasonCode.NOT_FOUND, "this booking is no longer active")), List.of())));
        }
        BookingChange change = new BookingChange(c.startsAt() != null ? c.startsAt() : current.localStart(),
                c.partySize() != null ? c.partySize() : current.partySize(),
                c.specialRequests() != null ? blankToNull(c.specialRequests()) : current.specialRequests());
        UUID tenant = current.tenantId();
        return providers.holding(current).flatMap(provider -> external.viaProvider(provider, tenant,
                provider.modify(current, change),
                outcome -> switch (outcome) {
                    case Declined d -> events.answer(c, current.branchId(),
                            ReservationEvents.rejected(c.kind(), List.of(d.reason()), d.alternatives()));
                    case Booked b -> external.reschedule(provider, current, change, b)
                            .then(reservations.byId(current.id()))
                            .flatMap(r -> events.answer(c, r.branchId(), ReservationEvents.modified(r)));
                },
                e -> events.answer(c, current.branchId(), unavailable(c, e))))
                .onErrorResume(ProviderUnavailableException.class,
                        e -> answer(c, current.branchId(), Mono.just(unavailable(c, e))));
    }

    private Mono<Void> cancel(Cancel c, Reservation current) {
        if (!current.isActive()) {
            // Cancelling twice is what a guest does when unsure: confirm it is cancelled, change nothing.
            return answer(c, current.branchId(), Mono.just(Reservation.CANCELLED.equals(current.status())
                    ? ReservationEvents.cancelled(current, "guest", c.reason())
                    : ReservationEvents.rejected(c.kind(),
                            List.of(Refusal.of(ReasonCode.NOT_FOUND, "this booking is no longer active")), List.of())));
        }
        UUID tenant = current.tenantId();
        return providers.holding(current).flatMap(provider -> external.viaProvider(provider, tenant,
                provider.cancel(current, c.reason()).thenReturn(true),
                done -> reservations.setStatus(current.id(), Reservation.CANCELLED, "guest", blankToNull(c.reason()))
                        .then(events.answer(c, current.branchId(), ReservationEvents.cancelled(current, "guest",
                                blankToNull(c.reason())))),
                e -> events.answer(c, current.branchId(), unavailable(c, e))))
                .onErrorResume(ProviderUnavailableException.class,
                        e -> answer(c, current.branchId(), Mono.just(unavailable(c, e))));
    }

    /** Loads the booking a command names and lets it through only for the number that made it. */
    private Mono<Void> owned(ReservationCommand c, String reference, Function<Reservation, Mono<Void>> then) {
        UUID tenant = c.common().tenantId();
        if (reference == null || reference.isBlank()) {
            return answer(c, null, Mono.just(ReservationEvents.rejected(c.kind(),
                    List.of(Refusal.of(ReasonCode.INVALID, "a booking reference is needed")), List.of())));
        }
        return tenants.inTenant(tenant, () -> reservations.byReference(reference.strip()))
                .flatMap(r -> GuestPhone.sameOwner(r.guestPhone(), c.common().guestPhone())
                        ? then.apply(r)
                        : answer(c, r.branchId(), Mono.just(ReservationEvents.rejected(c.kind(),
                                List.of(Refusal.of(ReasonCode.NOT_OWNER,
                                        "only the number that made the booking can change it")), List.of()))))
                .switchIfEmpty(Mono.defer(() -> answer(c, null, Mono.just(ReservationEvents.rejected(c.kind(),
                        List.of(Refusal.of(ReasonCode.NOT_FOUND, "no booking with reference " + reference)),
                        List.of())))));
    }

    /**
     * The built-in book names alternatives itself; for a platform that only says "full", ask it for
     * the day's times and offer the nearest (before any transaction opens). When that fails the guest
     * still gets the refusal, without alternatives.
     */
    private Mono<List<LocalDateTime>> alternativesFor(ReservationProvider provider, Declined declined, UUID tenant,
            UUID branch, LocalDateTime wanted, int partySize) {
        if (!declined.alternatives().isEmpty() || provider.keepsBookInOurDatabase()
                || declined.reason().code() != ReasonCode.FULLY_BOOKED) {
            return Mono.just(declined.alternatives());
        }
        return provider.searchAvailability(new SlotSearch(tenant, branch, wanted.toLocalDate(), null, null, partySize))
                .map(day -> nearestTo(day.slots(), wanted).stream().limit(3).toList())
                .onErrorReturn(ProviderUnavailableException.class, List.of());
    }

    private Mono<Void> answer(ReservationCommand c, UUID branch, Mono<Reply> reply) {
        return reply.flatMap(r -> tenants.inTenant(c.common().tenantId(), () -> events.answer(c, branch, r)));
    }

    private Reply unavailable(ReservationCommand c, ProviderUnavailableException e) {
        log.warn("Reservation provider unavailable for command {} of business {}: {}", c.common().commandId(),
                c.common().tenantId(), e.getMessage());
        return ReservationEvents.rejected(c.kind(), List.of(Refusal.of(ReasonCode.PROVIDER_UNAVAILABLE,
                "the reservation system is not answering; try again shortly or ask the staff")), List.of());
    }

    private static List<LocalDateTime> nearestTo(List<LocalDateTime> slots, LocalDateTime wanted) {
        return slots.stream()
                .sorted(java.util.Comparator.comparing((LocalDateTime t) -> Math.abs(Duration.between(wanted, t).toMinutes()))
                        .thenComparing(t -> t))
                .limit(SLOTS_AROUND_PREFERRED)
                .sorted()
                .toList();
    }

    /** A table taken or a reference drawn by someone else between our read and our write. */
    static boolean lostARace(Throwable e) {
        if (!(e instanceof DataIntegrityViolationException)) {
            return false;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("reservation_tables_no_overlap") || message.contains("reservations_tenant_id_reference_key")
                || message.contains("reservations_tenant_id_idempotency_key_key")
                || message.contains("reservation_commands_pkey");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
