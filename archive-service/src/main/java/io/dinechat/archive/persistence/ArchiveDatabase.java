package io.dinechat.archive.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.dinechat.archive.config.ArchiveProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The archive's collections through the plain reactive driver: documents are written field by
 * field (no mapping layer to guess names), and writes that another service acts on go with the
 * configured write concern ({@code majority} in production, so an acknowledged archive survives a
 * primary's failover).
 */
@Component
public class ArchiveDatabase {

    private final ReactiveMongoTemplate mongo;
    private final WriteConcern durable;

    public ArchiveDatabase(ReactiveMongoTemplate mongo, ArchiveProperties properties) {
        this.mongo = mongo;
        this.durable = writeConcern(properties.writeConcern(), properties.writeTimeout());
    }

    static WriteConcern writeConcern(String name, Duration timeout) {
        WriteConcern concern = switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "majority" -> WriteConcern.MAJORITY;
            case "acknowledged", "w1", "1" -> WriteConcern.W1;
            case "journaled" -> WriteConcern.JOURNALED;
            default -> throw new IllegalArgumentException("Unknown MongoDB write concern: " + name
                    + " (use majority, acknowledged or journaled)");
        };
        return concern.withWTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public WriteConcern durableWriteConcern() {
        return durable;
    }

    public Mono<MongoCollection<Document>> collection(String name) {
        return mongo.getCollection(name);
    }

    /** For writes another service acts upon: acknowledged per the configured write concern. */
    public Mono<MongoCollection<Document>> durable(String name) {
        return mongo.getCollection(name).map(c -> c.withWriteConcern(durable));
    }
}
