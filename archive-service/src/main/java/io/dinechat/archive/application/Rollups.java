package io.dinechat.archive.application;

import io.dinechat.archive.config.ArchiveProperties;
import io.dinechat.archive.domain.DailyRollup;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.archive.persistence.DailyMetrics;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.archive.persistence.RollupRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rolls archived orders up into {@code daily_business_metrics}. Nightly, per business in its own
 * time zone: once the business's local clock is past the roll-up hour, its last few days are
 * re-rolled (orders are archived a day after completion, so yesterday keeps filling in). On demand,
 * a backfill re-rolls any period, of one business or all, reading the orders once in chunks.
 * Re-rolling a day replaces its document: running twice changes nothing.
 */
@Service
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    /** The widest UTC offsets there are: a local day lies within [00:00-14h, 24:00+12h] UTC. */
    private static final Duration EARLIEST_OFFSET = Duration.ofHours(14);
    private static final Duration LATEST_OFFSET = Duration.ofHours(12);

    private final OrderLogs orders;
    private final DailyMetrics metrics;
    private final BusinessProfiles profiles;
    private final RollupRuns runs;
    private final ArchiveProperties.Rollup settings;
    private final Clock clock;

    public Rollups(OrderLogs orders, DailyMetrics metrics, BusinessProfiles profiles, RollupRuns runs,
            ArchiveProperties properties, Clock clock) {
        this.orders = orders;
        this.metrics = metrics;
        this.profiles = profiles;
        this.runs = runs;
        this.settings = properties.rollup();
        this.clock = clock;
    }

    @Scheduled(cron = "${dinechat.archive.rollup.cron:0 15 * * * *}")
    void nightly() {
        if (!settings.enabled()) {
            return;
        }
        // A scheduler thread, not a request: waiting here keeps runs from overlapping.
        Long rolled = rollDueBusinesses().onErrorResume(e -> {
            log.warn("Nightly roll-up failed; the next run retries", e);
            return Mono.just(0L);
        }).block(Duration.ofHours(1));
        if (rolled != null && rolled > 0) {
            log.info("Nightly roll-up: {} business day documents written", rolled);
        }
    }

    /** Rolls up every business whose local night has passed and whose yesterday is not rolled up yet. */
    public Mono<Long> rollDueBusinesses() {
        return Flux.merge(orders.tenants(), profiles.tenants()).distinct()
                .concatMap(tenant -> profiles.zoneOf(tenant).flatMap(zone -> {
                    ZonedDateTime local = clock.instant().atZone(zone);
                    LocalDate yesterday = local.toLocalDate().minusDays(1);
                    if (local.getHour() < settings.localHour()) {
                        return Mono.just(0L);
                    }
                    return runs.claim(tenant, yesterday).flatMap(claimed -> !claimed ? Mono.just(0L)
                            : rollTenant(tenant, zone, yesterday.minusDays(settings.lookbackDays() - 1L), yesterday)
                                    .onErrorResume(e -> runs.release(tenant, yesterday).then(Mono.error(e))));
                }))
                .reduce(0L, Long::sum);
    }

    /** Re-rolls one business's local days [from, to]. */
    public Mono<Long> rollTenant(String tenantId, ZoneId zone, LocalDate from, LocalDate to) {
        DailyRollup rollup = new DailyRollup(t -> zone);
        return orders.placedBetween(tenantId, from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant())
                .doOnNext(rollup::add)
                .then(Mono.defer(() -> metrics.save(rollup.figures(d -> !d.isBefore(from) && !d.isAfter(to)),
                        clock.instant())))
                .map(Integer::longValue);
    }

    /**
     * Re-rolls local days [from, to] of one business, or of every business when {@code tenantId} is
     * null, reading the orders of {@code chunkDays} days at a time.
     *
     * @return the day documents written
     */
    public Mono<Long> backfill(String tenantId, LocalDate from, LocalDate to) {
        return profiles.zones().flatMap(zones -> Flux.fromStream(from.datesUntil(to.plusDays(1),
                        java.time.Period.ofDays(Math.max(1, settings.chunkDays()))))
                .concatMap(start -> {
                    LocalDate end = start.plusDays(settings.chunkDays() - 1L).isAfter(to) ? to
                            : start.plusDays(settings.chunkDays() - 1L);
                    return backfillChunk(tenantId, zones, start, end);
                })
                .reduce(0L, Long::sum));
    }

    private Mono<Long> backfillChunk(String tenantId, Map<String, ZoneId> zones, LocalDate from, LocalDate to) {
        DailyRollup rollup = new DailyRollup(t -> zones.getOrDefault(t, ZoneOffset.UTC));
        // Wide enough for every time zone; days outside [from, to] are read but not written.
        return orders.placedBetween(tenantId, from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(EARLIEST_OFFSET),
                        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(LATEST_OFFSET))
                .doOnNext(rollup::add)
                .then(Mono.defer(() -> metrics.save(rollup.figures(d -> !d.isBefore(from) && !d.isAfter(to)),
                        clock.instant())))
                .map(Integer::longValue);
    }
}
