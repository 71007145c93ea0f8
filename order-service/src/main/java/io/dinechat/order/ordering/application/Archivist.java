package io.dinechat.order.ordering.application;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.ordering.messaging.OrderEventsJson;
import io.dinechat.order.ordering.persistence.OrderBook;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Hands closed orders to archive-service (seed 001 section 4). Completed and cancelled orders
 * older than {@code after} get their full snapshot (order, lines, options, status history) written
 * to {@code order.archive.v1} through the outbox, in the same transaction that marks them
 * requested. An order is deleted only when {@code order.archived.v1} confirms it was stored
 * ({@link #archived}); while archive-service is down, requests wait on the topic and nothing is
 * deleted. A request that got no acknowledgement for {@code resendAfter} is made again (the
 * archive side is idempotent by order id), so a lost request cannot keep an order forever.
 */
@Service
public class Archivist {

    private static final Logger log = LoggerFactory.getLogger(Archivist.class);

    private final TenantTransactions tenants;
    private final OrderBook orders;
    private final Outbox outbox;
    private final OrderEventsJson json;
    private final Clock clock;
    private final Settings settings;

    public Archivist(TenantTransactions tenants, OrderBook orders, Outbox outbox, OrderEventsJson json, Clock clock,
            Settings settings) {
        this.tenants = tenants;
        this.orders = orders;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${dinechat.orders.archive.interval:5m}", initialDelayString = "${dinechat.orders.archive.initial-delay:1m}")
    void sweep() {
        if (!settings.enabled()) {
            return;
        }
        try {
            // A scheduler thread, not a request: waiting here keeps sweeps from overlapping.
            Integer requested = requestDue().block(Duration.ofMinutes(5));
            if (requested != null && requested > 0) {
                log.info("Archive requested for {} closed order(s)", requested);
            }
        } catch (RuntimeException e) {
            log.warn("Archive sweep failed, the next one retries: {}", e.toString());
        }
    }

    /** Requests the archive of every closed order that is due. @return how many requests were written */
    public Mono<Integer> requestDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant closedBefore = now.minus(settings.after());
        Instant unacknowledgedBefore = now.minus(settings.resendAfter());
        return orders.tenantsWithArchivableOrders(closedBefore, unacknowledgedBefore)
                .concatMap(tenantId -> tenants.inTenant(tenantId, () -> orders
                                .archivable(closedBefore, unacknowledgedBefore, settings.batchSize())
                                .concatMap(orderId -> request(orderId, now))
                                .count())
                        .onErrorResume(e -> {
                            log.error("Cannot request the archive of business {}'s orders", tenantId, e);
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum)
                .map(Long::intValue);
    }

    private Mono<UUID> request(UUID orderId, Instant now) {
        return orders.find(orderId).flatMap(order -> outbox.append(Topics.ORDER_ARCHIVE, new EventEnvelope(
                        UUID.randomUUID().toString(), OrderEventsJson.ARCHIVE_REQUESTED, OrderDesk.SOURCE, now,
                        order.tenantId().toString(), null, order.id().toString(), json.archive(order)))
                .then(orders.markArchiveRequested(orderId, now))
                .thenReturn(orderId));
    }

    /** archive-service stored the order: forget it here. A repeated or unknown acknowledgement changes nothing. */
    public Mono<Boolean> archived(UUID tenantId, UUID orderId) {
        return tenants.inTenant(tenantId, () -> orders.deleteArchived(orderId)).map(deleted -> deleted > 0);
    }

    /**
     * @param after       how long a closed order stays before it is archived
     * @param resendAfter how long to wait for an acknowledgement before asking again
     */
    @ConfigurationProperties("dinechat.orders.archive")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration after,
            @DefaultValue("6h") Duration resendAfter, @DefaultValue("100") int batchSize) {
    }
}
