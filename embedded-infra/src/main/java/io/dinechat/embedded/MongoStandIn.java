package io.dinechat.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server: speaks MongoDB's wire protocol from memory. Good enough for the local stack
 * and most tests; what it lacks (some aggregation stages, transactions) is listed in the team's
 * stack notes, and production runs real MongoDB.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoStandIn(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** @param port 0 for any free port */
    public static MongoStandIn start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new MongoStandIn(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
