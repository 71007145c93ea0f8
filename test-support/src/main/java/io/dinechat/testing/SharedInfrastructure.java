package io.dinechat.testing;

import io.dinechat.embedded.KafkaBroker;
import io.dinechat.embedded.MongoStandIn;
import io.dinechat.embedded.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker, one PostgreSQL and one MongoDB per test JVM, started on first use and shared
 * by every test class (stopped when the JVM exits). Each can be pointed at a running server:
 * <ul>
 * <li>{@code DINECHAT_TEST_KAFKA_BOOTSTRAP_SERVERS}: a broker to use instead of the embedded KRaft one;</li>
 * <li>{@code DINECHAT_TEST_POSTGRES_URL}: an admin JDBC URL (role that may create databases and roles),
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; default: zonky's embedded server;</li>
 * <li>{@code DINECHAT_TEST_MONGO_URI}: a real MongoDB (the URI names the database); otherwise a real
 * MongoDB in Testcontainers when a Docker engine answers, else the mongo-java-server stand-in.</li>
 * </ul>
 * Nothing here silently depends on a service a newcomer's machine lacks.
 */
public final class SharedInfrastructure {

    private static volatile String kafka;
    private static volatile PostgresServer postgres;
    private static volatile String mongo;

    private SharedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            String given = System.getenv("DINECHAT_TEST_KAFKA_BOOTSTRAP_SERVERS");
            if (given != null && !given.isBlank()) {
                kafka = given;
            } else {
                KafkaBroker broker = KafkaBroker.start(3);
                closeOnExit(broker);
                kafka = broker.bootstrapServers();
            }
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            String given = System.getenv("DINECHAT_TEST_POSTGRES_URL");
            if (given != null && !given.isBlank()) {
                postgres = PostgresServer.external(given);
            } else {
                postgres = PostgresServer.startEmbedded(0);
                closeOnExit(postgres);
            }
        }
        return postgres;
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            String given = System.getenv("DINECHAT_TEST_MONGO_URI");
            if (given != null && !given.isBlank()) {
                mongo = given;
            } else if (DockerClientFactory.instance().isDockerAvailable()) {
                MongoDBContainer container = new MongoDBContainer("mongo:8.0");
                container.start();
                closeOnExit(container::stop);
                mongo = container.getReplicaSetUrl("dinechat");
            } else {
                MongoStandIn standIn = MongoStandIn.start(0);
                closeOnExit(standIn);
                mongo = standIn.connectionString() + "/dinechat";
            }
        }
        return mongo;
    }

    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // The JVM is going away; nothing useful to do.
            }
        }));
    }
}
