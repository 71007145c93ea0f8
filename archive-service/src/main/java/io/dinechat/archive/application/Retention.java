package io.dinechat.archive.application;

import io.dinechat.archive.config.ArchiveProperties;
import io.dinechat.archive.domain.DayFigures;
import io.dinechat.archive.persistence.DailyMetrics;
import io.dinechat.archive.persistence.OrderLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Analytics older than 12 months keep only de-identified aggregates: archived orders lose the
 * guest's phone, name, address and notes, and daily figures lose their per-guest lists (counts
 * stay). Conversation messages need no job: a TTL index removes them after 2 months.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final OrderLogs orders;
    private final DailyMetrics metrics;
    private final ArchiveProperties.Retention settings;
    private final Clock clock;

    public Retention(OrderLogs orders, DailyMetrics metrics, ArchiveProperties properties, Clock clock) {
        this.orders = orders;
        this.metrics = metrics;
        this.settings = properties.retention();
        this.clock = clock;
    }

    @Scheduled(cron = "${dinechat.archive.retention.cron:0 30 4 * * *}", zone = "UTC")
    void daily() {
        if (settings.enabled()) {
            Outcome outcome = deidentifyOld().block(Duration.ofHours(1));
            log.info("Retention: {} orders and {} daily figures de-identified", outcome.orders(), outcome.days());
        }
    }

    public Mono<Outcome> deidentifyOld() {
        Instant cutOff = clock.instant().minus(settings.identifiedFor());
        // A day is de-identified once all of it is older than the cut-off, in any time zone.
        var lastDay = cutOff.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        return orders.deidentifyPlacedBefore(cutOff)
                .zipWith(metrics.identifiedBefore(lastDay).map(DayFigures::deidentify).collectList()
                        .flatMap((List<DayFigures> days) -> metrics.save(days, clock.instant())))
                .map(t -> new Outcome(t.getT1(), t.getT2()));
    }

    public record Outcome(long orders, long days) {
    }
}
