package io.dinechat.reservation.application;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.domain.Restaurant;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.reservation.persistence.ReservationStore;
import io.dinechat.reservation.provider.ProviderUnavailableException;
import io.dinechat.reservation.provider.ReservationProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What every booking path (the assistant's commands, staff in the dashboard) does around a
 * provider: where the transaction goes, and the local record kept of bookings an external
 * platform holds (ownership, reminders and the day view need it).
 */
@Component
public class ExternalBookings {

    private final TenantTransactions tenants;
    private final ReservationStore reservations;
    private final FloorStore floor;
    private final Clock clock;

    public ExternalBookings(TenantTransactions tenants, ReservationStore reservations, FloorStore floor, Clock clock) {
        this.tenants = tenants;
        this.reservations = reservations;
        this.floor = floor;
        this.clock = clock;
    }

    /**
     * Runs a provider call and commits what follows. DineChat's own book works inside the tenant
     * transaction (booking and its event commit together); an external provider is called outside
     * any transaction (no connection held while it thinks), then the outcome is committed.
     */
    public <T, R> Mono<R> viaProvider(ReservationProvider provider, UUID tenant, Mono<T> call,
            Function<T, Mono<R>> commit, Function<ProviderUnavailableException, Mono<R>> unavailable) {
        if (provider.keepsBookInOurDatabase()) {
            return tenants.inTenant(tenant, () -> call.flatMap(commit));
        }
        return call.flatMap(outcome -> tenants.inTenant(tenant, () -> commit.apply(outcome)))
                .onErrorResume(ProviderUnavailableException.class,
                        e -> tenants.inTenant(tenant, () -> unavailable.apply(e)));
    }

    /** An external provider booked: keep our own record of it. */
    public Mono<Void> record(ReservationProvider provider, BookingRequest request, Restaurant restaurant,
            Booked booked) {
        if (provider.keepsBookInOurDatabase()) {
            return Mono.empty();
        }
        return floor.rules(request.branchId()).flatMap(rules -> {
            Instant startsAt = request.startsAt().atZone(restaurant.zone()).toInstant();
            Reservation r = new Reservation(request.reservationId(), request.tenantId(), request.branchId(),
                    request.reference(), request.guestName(), request.guestPhone(), request.partySize(), startsAt,
                    startsAt.plus(rules.turnTime(request.partySize())), booked.status(), request.specialRequests(),
                    request.conversationKey(), request.language(), provider.name(), booked.providerReservationId(),
                    restaurant.zone().getId(), clock.instant());
            return reservations.insert(r, request.idempotencyKey());
        });
    }

    /** An external provider moved a booking: move our record too. */
    public Mono<Void> reschedule(ReservationProvider provider, Reservation current, BookingChange change,
            Booked booked) {
        if (provider.keepsBookInOurDatabase()) {
            return Mono.empty();
        }
        return floor.rules(current.branchId()).flatMap(rules -> {
            Instant startsAt = change.startsAt().atZone(current.zone()).toInstant();
            return reservations.reschedule(current.id(), startsAt, startsAt.plus(rules.turnTime(change.partySize())),
                    change.partySize(), change.specialRequests(), booked.status());
        });
    }
}
