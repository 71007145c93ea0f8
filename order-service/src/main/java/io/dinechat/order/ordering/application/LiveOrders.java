package io.dinechat.order.ordering.application;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New orders and status changes for the dashboard's live board (SSE). Fed from
 * {@code order.events.v1} by every replica (each with a consumer group of its own), so a browser
 * connected to any replica sees what any replica committed. A slow browser loses events rather
 * than holding back the others; the board refetches on reconnect.
 */
@Component
public class LiveOrders {

    public enum Kind { PLACED, STATUS_CHANGED }

    /** What changed, enough for the board to move a card; details come from {@code GET /api/orders/{id}}. */
    public record Change(Kind kind, UUID tenantId, UUID orderId, String reference, String from, String status,
            String total, String currency, Instant at) {
    }

    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();

    public void publish(Change change) {
        changes.tryEmitNext(change);
    }

    public Flux<Change> of(UUID tenantId) {
        return changes.asFlux().filter(c -> c.tenantId().equals(tenantId)).onBackpressureDrop();
    }
}
