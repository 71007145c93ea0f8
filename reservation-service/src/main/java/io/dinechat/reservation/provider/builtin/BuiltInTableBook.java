package io.dinechat.reservation.provider.builtin;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.ProviderTypes.Availability;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingOutcome;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.Declined;
import io.dinechat.reservation.domain.ProviderTypes.ProviderReservation;
import io.dinechat.reservation.domain.ProviderTypes.SlotSearch;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.domain.Restaurant;
import io.dinechat.reservation.domain.TableBook;
import io.dinechat.reservation.domain.TableBook.Bookable;
import io.dinechat.reservation.domain.TableBook.Refused;
import io.dinechat.reservation.domain.DiningTable;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.reservation.persistence.ReservationStore;
import io.dinechat.reservation.provider.ReservationProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * DineChat's own table book, the default provider. Availability comes from {@link TableBook};
 * a booking writes the reservation and the tables it holds in the caller's tenant transaction, and
 * the exclusion constraint on {@code reservation_tables} rejects a table taken by a racing guest.
 */
@Component
public class BuiltInTableBook implements ReservationProvider {

    public static final String NAME = "builtin";
    /** How many bookable times to offer instead of a full one. */
    private static final int ALTERNATIVES = 3;
    private static final int ALTERNATIVE_DAYS_AFTER = 2;

    private final TenantTransactions tenants;
    private final FloorStore floor;
    private final ReservationStore reservations;
    private final CatalogReadModel catalog;
    private final DatabaseClient db;
    private final Clock clock;

    public BuiltInTableBook(TenantTransactions tenants, FloorStore floor, ReservationStore reservations,
            CatalogReadModel catalog, DatabaseClient db, Clock clock) {
        this.tenants = tenants;
        this.floor = floor;
        this.reservations = reservations;
        this.catalog = catalog;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean keepsBookInOurDatabase() {
        return true;
    }

    @Override
    public Mono<Availability> searchAvailability(SlotSearch search) {
        return tenants.inTenant(search.tenantId(), () -> catalog.restaurant(search.tenantId())
                .flatMap(restaurant -> book(restaurant, search.branchId(), search.date(), 0, null))
                .map(book -> {
                    Instant now = clock.instant();
                    List<LocalDateTime> slots = book.slots(search.date(), search.partySize(), now).stream()
                            .filter(t -> within(t, search.from(), search.to()))
                            .toList();
                    return slots.isEmpty()
                            ? new Availability(List.of(), List.of(book.whyNoSlots(search.date(), search.partySize(), now)))
                            : new Availability(slots, List.of());
                }));
    }

    @Override
    public Mono<BookingOutcome> create(BookingRequest request) {
        return tenants.inTenant(request.tenantId(), () -> catalog.restaurant(request.tenantId())
                .flatMap(restaurant -> serializeCoversIfCapped(request.branchId(), request.startsAt().toLocalDate())
                        .then(book(restaurant, request.branchId(), request.startsAt().toLocalDate(),
                                ALTERNATIVE_DAYS_AFTER, null))
                        .flatMap(book -> {
                            Instant now = clock.instant();
                            return switch (book.check(request.startsAt(), request.partySize(), now)) {
                                case Refused refused -> Mono.just((BookingOutcome) new Declined(refused.reason(),
                                        book.nearest(request.startsAt(), request.partySize(), now, ALTERNATIVES,
                                                ALTERNATIVE_DAYS_AFTER)));
                                case Bookable seat -> {
                                    String status = seat.needsApproval() ? Reservation.PENDING : Reservation.CONFIRMED;
                                    Reservation reservation = new Reservation(request.reservationId(), request.tenantId(),
                                            request.branchId(), request.reference(), request.guestName(),
                                            request.guestPhone(), request.partySize(), seat.startsAt(), seat.endsAt(),
                                            status, request.specialRequests(), request.conversationKey(),
                                            request.language(), null, null, restaurant.zone().getId(), now);
                                    yield reservations.insert(reservation, request.idempotencyKey())
                                            .then(reservations.hold(request.tenantId(), request.reservationId(),
                                                    tableIds(seat), seat.startsAt(), seat.heldUntil()))
                                            .thenReturn((BookingOutcome) new Booked(request.reservationId().toString(),
                                                    status));
                                }
                            };
                        })));
    }

    @Override
    public Mono<BookingOutcome> modify(Reservation current, BookingChange change) {
        return tenants.inTenant(current.tenantId(), () -> catalog.restaurant(current.tenantId())
                .flatMap(restaurant -> serializeCoversIfCapped(current.branchId(), change.startsAt().toLocalDate())
                        .then(book(restaurant, current.branchId(), change.startsAt().toLocalDate(),
                                ALTERNATIVE_DAYS_AFTER, current.id()))
                        .flatMap(book -> {
                            Instant now = clock.instant();
                            return switch (book.check(change.startsAt(), change.partySize(), now)) {
                                case Refused refused -> Mono.just((BookingOutcome) new Declined(refused.reason(),
                                        book.nearest(change.startsAt(), change.partySize(), now, ALTERNATIVES,
                                                ALTERNATIVE_DAYS_AFTER)));
                                case Bookable seat -> {
                                    String status = seat.needsApproval() ? Reservation.PENDING : current.status();
                                    yield reservations.release(current.id())
                                            .then(reservations.reschedule(current.id(), seat.startsAt(), seat.endsAt(),
                                                    change.partySize(), change.specialRequests(), status))
                                            .then(reservations.hold(current.tenantId(), current.id(), tableIds(seat),
                                                    seat.startsAt(), seat.heldUntil()))
                                            .thenReturn((BookingOutcome) new Booked(current.id().toString(), status));
                                }
                            };
                        })));
    }

    @Override
    public Mono<Void> cancel(Reservation reservation, String reason) {
        return tenants.inTenant(reservation.tenantId(), () -> reservations.release(reservation.id()));
    }

    @Override
    public Mono<ProviderReservation> get(Reservation r) {
        return Mono.just(new ProviderReservation(r.id().toString(), r.localStart(), r.partySize(), r.status(),
                r.guestName(), r.guestPhone()));
    }

    /**
     * The book around a date: the floor, the rules, and what is taken from the day before (a late
     * seating running past midnight) to {@code daysAfter} days after (for alternatives).
     */
    private Mono<TableBook> book(Restaurant restaurant, UUID branchId, LocalDate date, int daysAfter, UUID except) {
        Instant from = date.minusDays(1).atStartOfDay(restaurant.zone()).toInstant();
        Instant to = date.plusDays(daysAfter + 2L).atStartOfDay(restaurant.zone()).toInstant();
        return Mono.zip(floor.rules(branchId), floor.activeTables(branchId),
                        reservations.holds(branchId, from, to, except), reservations.arrivals(branchId, from, to, except))
                .map(t -> new TableBook(restaurant.hoursOf(branchId), t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }

    /**
     * Tables need no lock (the exclusion constraint decides), but a covers cap sums many rows: with
     * one configured, bookings of one branch and day take turns so two cannot both squeeze under it.
     */
    private Mono<Void> serializeCoversIfCapped(UUID branchId, LocalDate date) {
        return floor.rules(branchId).flatMap(rules -> rules.maxCoversPerSlot() == null ? Mono.<Void>empty()
                : db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .bind("key", "covers:" + branchId + ":" + date).fetch().rowsUpdated().then());
    }

    private static List<UUID> tableIds(Bookable seat) {
        return seat.tables().stream().map(DiningTable::id).toList();
    }

    private static boolean within(LocalDateTime t, LocalTime from, LocalTime to) {
        LocalTime time = t.toLocalTime();
        return (from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to));
    }
}
