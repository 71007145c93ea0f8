package io.dinechat.archive.persistence;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates the archive's indexes at startup (createIndex is a no-op when the same index exists).
 * Runners finish before the service reports ready, so nothing is written to a collection whose
 * unique or TTL index is still missing.
 */
@Component
class ArchiveIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveIndexes.class);

    private final ReactiveMongoTemplate mongo;

    ArchiveIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Startup, not a request path: blocking here is what makes a missing index fail fast.
        Long created = Flux.fromIterable(ArchiveCollections.indexes().entrySet())
                .concatMap(collection -> Flux.fromIterable(collection.getValue())
                        .concatMap(index -> mongo.indexOps(collection.getKey()).createIndex(index)))
                .count()
                .block(Duration.ofSeconds(60));
        log.info("Archive indexes in place ({} across {})", created, ArchiveCollections.indexes().keySet());
    }
}
