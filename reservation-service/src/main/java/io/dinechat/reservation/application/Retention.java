package io.dinechat.reservation.application;

import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.config.ReservationProperties;
import io.dinechat.reservation.persistence.CommandReplies;
import io.dinechat.reservation.persistence.ReservationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Deletes reservations 24 months after their seating (their tables and reminders go with them)
 * and command replies once no redelivery can need them. Runs per business, under its row-level
 * security, after a narrow lookup of which businesses have anything to delete.
 */
@Component
public class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What one pass deleted. */
    public record Purged(long reservations, long replies) {
    }

    private final DatabaseClient db;
    private final TenantTransactions tenants;
    private final ReservationStore reservations;
    private final CommandReplies replies;
    private final ReservationProperties.Retention settings;
    private final Clock clock;
    private volatile Disposable loop;

    public Retention(DatabaseClient db, TenantTransactions tenants, ReservationStore reservations,
            CommandReplies replies, ReservationProperties properties, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.reservations = reservations;
        this.replies = replies;
        this.settings = properties.retention();
        this.clock = clock;
    }

    public Mono<Purged> purge() {
        Instant now = clock.instant();
        Instant reservationsBefore = now.atZone(ZoneOffset.UTC).minus(settings.keepReservations()).toInstant();
        Instant repliesBefore = now.minus(settings.keepReplies());
        return db.sql("select * from tenants_with_expired_records(:reservations, :replies) as tenant_id")
                .bind("reservations", reservationsBefore.atOffset(ZoneOffset.UTC))
                .bind("replies", repliesBefore.atOffset(ZoneOffset.UTC))
                .map(row -> row.get(0, UUID.class)).all()
                .concatMap(tenant -> tenants.inTenant(tenant, () -> Mono.zip(
                        reservations.purgeEndedBefore(reservationsBefore), replies.purgeBefore(repliesBefore))))
                .reduce(new Purged(0, 0), (sum, t) -> new Purged(sum.reservations() + t.getT1(),
                        sum.replies() + t.getT2()))
                .doOnNext(p -> {
                    if (p.reservations() > 0 || p.replies() > 0) {
                        log.info("Retention deleted {} reservations and {} command replies", p.reservations(), p.replies());
                    }
                });
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        loop = Flux.interval(java.time.Duration.ofMinutes(1), settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> purge().onErrorResume(e -> {
                    log.warn("Retention pass failed, will retry: {}", e.toString());
                    return Mono.empty();
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
