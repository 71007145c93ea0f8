package io.dinechat.reservation.provider;

import io.dinechat.reservation.domain.ProviderTypes.Availability;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingOutcome;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.ProviderReservation;
import io.dinechat.reservation.domain.ProviderTypes.SlotSearch;
import io.dinechat.reservation.domain.Reservation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port every reservation system implements: DineChat's own table book, or a platform the
 * restaurant already uses. Ownership is never delegated: the service checks the guest's number
 * against its own record before calling modify or cancel. Failures to reach the provider surface
 * as {@link ProviderUnavailableException}; a provider that answers "no" returns a declined outcome.
 */
public interface ReservationProvider {

    /** {@code builtin}, {@code sevenrooms}, ...; null in stored reservations means the built-in book. */
    String name();

    /**
     * True when bookings live in DineChat's own database: the caller then runs create, modify and
     * cancel inside its tenant transaction, so the booking and its reply commit together.
     */
    default boolean keepsBookInOurDatabase() {
        return false;
    }

    Mono<Availability> searchAvailability(SlotSearch search);

    /** Optionally holds a slot while the guest confirms; providers without holds answer empty. */
    default Mono<String> hold(SlotSearch search, java.time.LocalDateTime startsAt) {
        return Mono.empty();
    }

    Mono<BookingOutcome> create(BookingRequest request);

    Mono<ProviderReservation> get(Reservation reservation);

    Mono<BookingOutcome> modify(Reservation reservation, BookingChange change);

    Mono<Void> cancel(Reservation reservation, String reason);

    /** Bookings the provider knows for a phone number; optional, empty where unsupported. */
    default Flux<ProviderReservation> findByPhone(String guestPhone) {
        return Flux.empty();
    }
}
