package io.dinechat.reservation.application;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.BookingReference;
import io.dinechat.reservation.domain.GuestPhone;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.Declined;
import io.dinechat.reservation.domain.ReasonCode;
import io.dinechat.reservation.domain.Refusal;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.messaging.ReservationEvents;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.ReservationStore;
import io.dinechat.reservation.provider.ProviderDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What staff do with bookings in the dashboard: the day's list, create, edit, approve, cancel,
 * no-show. The same provider and the same rules as the assistant's path; every change is audited
 * and published in the transaction that makes it.
 */
@Service
public class StaffDesk {

    /** A booking as the day view shows it. */
    public record Booking(Reservation reservation, List<String> tables) {
    }

    /** The provider said no: the dashboard shows why and the nearest free times. */
    public static final class Refused extends RuntimeException {

        private final Refusal reason;
        private final List<LocalDateTime> alternatives;

        public Refused(Refusal reason, List<LocalDateTime> alternatives) {
            super(reason.message(), null, false, false);
            this.reason = reason;
            this.alternatives = alternatives;
        }

        public Refusal reason() {
            return reason;
        }

        public List<LocalDateTime> alternatives() {
            return alternatives;
        }
    }

    /** Staff asked for something about a booking that does not exist in their business. */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super("no such reservation", null, false, false);
        }
    }

    private final TenantTransactions tenants;
    private final ReservationStore reservations;
    private final CatalogReadModel catalog;
    private final ProviderDirectory providers;
    private final ExternalBookings external;
    private final ReservationEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public StaffDesk(TenantTransactions tenants, ReservationStore reservations, CatalogReadModel catalog,
            ProviderDirectory providers, ExternalBookings external, ReservationEvents events, AuditTrail audit,
            Clock clock) {
        this.tenants = tenants;
        this.reservations = reservations;
        this.catalog = catalog;
        this.providers = providers;
        this.external = external;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The bookings of a local day, in seating order, with the tables they hold. */
    public Flux<Booking> day(Actor actor, LocalDate date, UUID branchId) {
        UUID tenant = actor.tenantId();
        return tenants.inTenantMany(tenant, () -> catalog.restaurant(tenant).flatMapMany(restaurant -> reservations
                .between(branchId, date.atStartOfDay(restaurant.zone()).toInstant(),
                        date.plusDays(1).atStartOfDay(restaurant.zone()).toInstant())
                .concatMap(r -> reservations.tableLabels(r.id()).map(tables -> new Booking(r, tables)))));
    }

    public Mono<Booking> one(Actor actor, UUID id) {
        return tenants.inTenant(actor.tenantId(), () -> reservations.byId(id)
                .flatMap(r -> reservations.tableLabels(r.id()).map(tables -> new Booking(r, tables))))
                .switchIfEmpty(Mono.error(NotFound::new));
    }

    public Mono<Booking> create(Actor actor, UUID branchId, LocalDateTime startsAt, int partySize, String guestName,
            String guestPhone, String specialRequests) {
        UUID tenant = actor.tenantId();
        return tenants.inTenant(tenant, () -> catalog.restaurant(tenant)).flatMap(restaurant -> {
            UUID branch = restaurant.resolveBranch(branchId);
            if (branch == null) {
                return Mono.error(new Refused(Refusal.of(ReasonCode.CLOSED, "no branch takes bookings yet"), List.of()));
            }
            BookingRequest request = new BookingRequest(tenant, branch, UUID.randomUUID(), BookingReference.next(), null,
                    startsAt, partySize, guestName, GuestPhone.normalize(guestPhone), specialRequests, null, null);
            return providers.forBranch(tenant, branch).flatMap(provider -> external.viaProvider(provider, tenant,
                    provider.create(request),
                    outcome -> switch (outcome) {
                        case Declined d -> Mono.<Reservation>error(new Refused(d.reason(), d.alternatives()));
                        case Booked b -> external.record(provider, request, restaurant, b)
                                .then(reservations.byId(request.reservationId()))
                                .flatMap(r -> events.staffChange(r, ReservationEvents.booked(r))
                                        .then(audit.record(actor, "reservation.created", "reservation", r.id(), null,
                                                view(r)))
                                        .thenReturn(r));
                    },
                    Mono::error));
        }).flatMap(r -> one(actor, r.id()));
    }

    /** Moves, resizes or annotates a booking, or approves a pending one ({@code confirm}). */
    public Mono<Booking> edit(Actor actor, UUID id, LocalDateTime startsAt, Integer partySize, String specialRequests,
            boolean confirm) {
        UUID tenant = actor.tenantId();
        return active(actor, id).flatMap(current -> {
            boolean changesSeating = startsAt != null || partySize != null || specialRequests != null;
            if (!changesSeating) {
                if (!confirm || !Reservation.PENDING.equals(current.status())) {
                    return Mono.just(current);
                }
                return tenants.inTenant(tenant, () -> reservations.setStatus(current.id(), Reservation.CONFIRMED, null, null)
                        .then(reservations.byId(current.id()))
                        .flatMap(r -> events.staffChange(r, ReservationEvents.modified(r))
                                .then(audit.record(actor, "reservation.confirmed", "reservation", r.id(), view(current),
                                        view(r)))
                                .thenReturn(r)));
            }
            BookingChange change = new BookingChange(startsAt != null ? startsAt : current.localStart(),
                    partySize != null ? partySize : current.partySize(),
                    specialRequests != null ? specialRequests : current.specialRequests());
            return providers.holding(current).flatMap(provider -> external.viaProvider(provider, tenant,
                    provider.modify(current, change),
                    outcome -> switch (outcome) {
                        case Declined d -> Mono.<Reservation>error(new Refused(d.reason(), d.alternatives()));
                        case Booked b -> external.reschedule(provider, current, change, b)
                                .then(confirm ? reservations.setStatus(current.id(), Reservation.CONFIRMED, null, null)
                                        : Mono.empty())
                                .then(reservations.byId(current.id()))
                                .flatMap(r -> events.staffChange(r, ReservationEvents.modified(r))
                                        .then(audit.record(actor, "reservation.updated", "reservation", r.id(),
                                                view(current), view(r)))
                                        .thenReturn(r));
                    },
                    Mono::error));
        }).flatMap(r -> one(actor, r.id()));
    }

    public Mono<Booking> cancel(Actor actor, UUID id, String reason) {
        UUID tenant = actor.tenantId();
        return active(actor, id).flatMap(current -> providers.holding(current).flatMap(provider ->
                external.viaProvider(provider, tenant, provider.cancel(current, reason).thenReturn(true),
                        done -> reservations.setStatus(current.id(), Reservation.CANCELLED, "staff", reason)
                                .then(events.staffChange(current, ReservationEvents.cancelled(current, "staff", reason)))
                                .then(reservations.byId(current.id()))
                                .flatMap(r -> audit.record(actor, "reservation.cancelled", "reservation", r.id(),
                                        view(current), view(r)).thenReturn(r)),
                        Mono::error)))
                .flatMap(r -> one(actor, r.id()));
    }

    /** The party did not come: only once the seating time has passed; their tables are released. */
    public Mono<Booking> noShow(Actor actor, UUID id) {
        UUID tenant = actor.tenantId();
        Instant now = clock.instant();
        return active(actor, id).flatMap(current -> {
            if (current.startsAt().isAfter(now)) {
                return Mono.error(new Refused(Refusal.of(ReasonCode.TOO_SOON,
                        "a no-show can be marked once the seating time has passed"), List.of()));
            }
            return tenants.inTenant(tenant, () -> reservations.setStatus(current.id(), Reservation.NO_SHOW, null, null)
                    .then(reservations.release(current.id()))
                    .then(events.staffChange(current, ReservationEvents.noShow(current)))
                    .then(reservations.byId(current.id()))
                    .flatMap(r -> audit.record(actor, "reservation.no_show", "reservation", r.id(), view(current),
                            view(r)).thenReturn(r)));
        }).flatMap(r -> one(actor, r.id()));
    }

    private Mono<Reservation> active(Actor actor, UUID id) {
        return tenants.inTenant(actor.tenantId(), () -> reservations.byId(id))
                .switchIfEmpty(Mono.error(NotFound::new))
                .flatMap(r -> r.isActive() ? Mono.just(r) : Mono.error(new Refused(
                        Refusal.of(ReasonCode.NOT_FOUND, "this booking is " + r.status()), List.of())));
    }

    /** What the audit log keeps of a booking: no more personal data than staff already see. */
    private static java.util.Map<String, Object> view(Reservation r) {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("reference", r.reference());
        v.put("status", r.status());
        v.put("startsAt", ReservationEvents.local(r.localStart()));
        v.put("partySize", r.partySize());
        v.put("guestName", r.guestName());
        v.put("specialRequests", r.specialRequests());
        return v;
    }
}
