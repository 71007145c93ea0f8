package io.dinechat.archive.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * MongoDB's health as the readiness probe sees it ("mongo"): a {@code ping} on the admin database,
 * which MongoDB documents as its health check and which needs no privileges. It replaces Boot's
 * indicator (same bean name), whose {@code hello} sent to the first listed database is not
 * understood by the mongo-java-server stand-in of the local stack and tests, so readiness would
 * turn DOWN there as soon as the archive database exists.
 */
@Component("mongoHealthIndicator")
class MongoPing extends AbstractReactiveHealthIndicator {

    private final MongoClient mongo;

    MongoPing(MongoClient mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder health) {
        return Mono.from(mongo.getDatabase("admin").runCommand(new Document("ping", 1)))
                .map(reply -> health.up().build());
    }
}
