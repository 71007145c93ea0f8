package io.dinechat.reservation.application;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.config.ReservationProperties;
import io.dinechat.reservation.domain.Reminder;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.messaging.ReservationEvents;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.ReservationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reminds guests of their booking at the configured offsets (24 h and 2 h before), as
 * notification requests with confirm/cancel buttons, in the restaurant's local time. A reminder is
 * recorded before it is queued (same transaction), so each offset is sent at most once. A booking
 * made after an offset's moment skips that reminder; after downtime only the nearest due one goes out.
 */
@Component
public class Reminders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final DatabaseClient db;
    private final TenantTransactions tenants;
    private final ReservationStore reservations;
    private final CatalogReadModel catalog;
    private final ReservationEvents events;
    private final ReservationProperties.Reminders settings;
    private final Clock clock;
    private volatile Disposable loop;

    public Reminders(DatabaseClient db, TenantTransactions tenants, ReservationStore reservations,
            CatalogReadModel catalog, ReservationEvents events, ReservationProperties properties, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.reservations = reservations;
        this.catalog = catalog;
        this.events = events;
        this.settings = properties.reminders();
        this.clock = clock;
    }

    /** Queues every reminder due now; returns how many. */
    public Mono<Integer> sendDue() {
        Instant now = clock.instant();
        Duration furthest = settings.offsets().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return db.sql("select * from tenants_with_reservations_between(:from, :to) as tenant_id")
                .bind("from", now.atOffset(java.time.ZoneOffset.UTC))
                .bind("to", now.plus(furthest).atOffset(java.time.ZoneOffset.UTC))
                .map(row -> row.get(0, UUID.class)).all()
                .concatMap(tenant -> tenants.inTenant(tenant, () -> remindTenant(tenant, now, furthest)))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> remindTenant(UUID tenant, Instant now, Duration furthest) {
        return catalog.restaurant(tenant).flatMap(restaurant -> reservations.activeStartingBetween(now, now.plus(furthest))
                .concatMap(r -> remind(r, restaurant.name(), now))
                .reduce(0, Integer::sum));
    }

    private Mono<Integer> remind(Reservation r, String restaurant, Instant now) {
        List<Duration> due = settings.offsets().stream()
                .filter(offset -> !now.isBefore(r.startsAt().minus(offset)))
                .filter(offset -> !r.createdAt().isAfter(r.startsAt().minus(offset)))
                .sorted()
                .toList();
        if (due.isEmpty()) {
            return Mono.just(0);
        }
        int nearest = (int) due.getFirst().toMinutes();
        return Flux.fromIterable(due)
                .concatMap(offset -> reservations.markReminded(r.tenantId(), r.id(), (int) offset.toMinutes())
                        .map(fresh -> fresh && offset.toMinutes() == nearest))
                .any(Boolean::booleanValue)
                .flatMap(send -> send
                        ? events.remind(r, Reminder.of(r.language(), r.guestName(), restaurant, r.localStart(),
                                r.partySize(), r.reference()), nearest).thenReturn(1)
                        : Mono.just(0));
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        loop = Flux.interval(settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> sendDue().onErrorResume(e -> {
                    log.warn("Reminder pass failed, will retry: {}", e.toString());
                    return Mono.just(0);
                }), 1)
                .subscribeOn(Schedulers.parallel())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
