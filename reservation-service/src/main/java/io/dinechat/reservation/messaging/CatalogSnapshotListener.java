package io.dinechat.reservation.messaging;

import io.dinechat.platform.events.MalformedEventException;
import io.dinechat.platform.events.ReceivedEvent;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.persistence.CatalogReadModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps each business's hours, overrides and time zone current from order-service's compacted snapshots. */
@Component
class CatalogSnapshotListener {

    static final String PUBLISHED = "io.dinechat.catalog.snapshot.published";

    private final CatalogReadModel catalog;
    private final TenantTransactions tenants;
    private final JsonMapper json;

    CatalogSnapshotListener(CatalogReadModel catalog, TenantTransactions tenants, JsonMapper json) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.json = json;
    }

    /** One consumer is plenty: snapshots are rare, and the topic keeps only the latest per business. */
    @KafkaListener(id = "reservation-catalog-snapshots", topics = Topics.CATALOG_SNAPSHOTS, groupId = Topics.GROUP,
            concurrency = "1")
    void onSnapshot(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the business left; its data goes with retention
        }
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        JsonNode snapshot = json.readTree(event.json());
        UUID tenantId;
        try {
            tenantId = UUID.fromString(snapshot.path("tenantId").asString(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("catalog snapshot without a tenantId");
        }
        long version = snapshot.path("version").asLong(-1);
        if (version < 0) {
            throw new MalformedEventException("catalog snapshot without a version");
        }
        tenants.inTenant(tenantId, () -> catalog.apply(tenantId, version,
                new String(event.json(), StandardCharsets.UTF_8))).block(Duration.ofSeconds(30));
    }
}
