package io.dinechat.conversation.persistence;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.snapshot.CatalogSnapshotReader;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog facts the assistant grounds its answers in, read from the latest snapshot in the
 * read model (catalog.snapshots.v1). A business without a snapshot yet gets {@link CatalogFacts#empty()}.
 */
@Repository
public class AssistantCatalog {

    private final DatabaseClient db;
    private final JsonMapper json;

    public AssistantCatalog(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inside the business's tenant transaction. */
    public Mono<CatalogFacts> facts(UUID tenantId) {
        return db.sql("select snapshot::text as snapshot from catalog_read_model where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> row.get("snapshot", String.class))
                .one()
                .map(snapshot -> read(json.readTree(snapshot)))
                .defaultIfEmpty(CatalogFacts.empty());
    }

    /** Part A's reader (understanding.snapshot) is the one place that knows the snapshot's JSON. */
    static CatalogFacts read(JsonNode snapshot) {
        return CatalogSnapshotReader.read(snapshot);
    }
}
