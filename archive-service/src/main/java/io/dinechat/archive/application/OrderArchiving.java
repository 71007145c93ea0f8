package io.dinechat.archive.application;

import io.dinechat.archive.messaging.Topics;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives a finished order and acknowledges it: {@code order.archived} is published only after
 * MongoDB acknowledged the snapshot with the durable write concern, because order-service deletes
 * the order from PostgreSQL when it reads the acknowledgement.
 */
@Service
public class OrderArchiving {

    public static final String ARCHIVED = "io.dinechat.order.archived";
    private static final String SOURCE = "/archive-service";

    private final OrderLogs orders;
    private final GuestPseudonyms pseudonyms;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    public OrderArchiving(OrderLogs orders, GuestPseudonyms pseudonyms, EventPublisher publisher, JsonMapper json,
            Clock clock) {
        this.orders = orders;
        this.pseudonyms = pseudonyms;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** @param snapshot the order as order-service sent it (JSON parsed into a document) */
    public Mono<Instant> archive(String tenantId, String orderId, Document snapshot) {
        Document customer = snapshot.get("customer", Document.class);
        String phone = customer == null ? null : GuestPseudonyms.normalise(customer.getString("phone"));
        if (customer != null && phone != null) {
            customer.put("phone", phone);
        }
        return pseudonyms.erasedAs(tenantId, phone)
                .map(pseudonym -> forgetGuest(snapshot, pseudonym))
                .defaultIfEmpty(snapshot)
                .flatMap(stored -> orders.archive(tenantId, orderId, stored, clock.instant()))
                .flatMap(archivedAt -> publisher.publish(Topics.ORDER_ARCHIVED, acknowledgement(tenantId, orderId, archivedAt))
                        .thenReturn(archivedAt));
    }

    private static Document forgetGuest(Document snapshot, String pseudonym) {
        snapshot.put("customer", new Document("phone", pseudonym).append("name", null));
        snapshot.put("deliveryAddress", null);
        snapshot.put("notes", null);
        snapshot.put("erased", true);
        return snapshot;
    }

    private EventEnvelope acknowledgement(String tenantId, String orderId, Instant archivedAt) {
        byte[] body = json.writeValueAsBytes(json.createObjectNode()
                .put("orderId", orderId)
                .put("tenantId", tenantId)
                .put("archivedAt", archivedAt.toString()));
        // The same order always gets the same acknowledgement id: a redelivered request is deduplicated downstream.
        String id = UUID.nameUUIDFromBytes(("order.archived:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(id, ARCHIVED, SOURCE, archivedAt, tenantId, null, orderId, body);
    }
}
