package io.dinechat.embedded;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (combined controller and broker) running inside this JVM,
 * started from the Kafka server jars. Used by tests and by the local stack.
 */
public final class KafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts on a free port: the KRaft test kit binds its own sockets and ignores both
     * {@code kafkaPorts()} and a fixed listener port, so callers read the address from
     * {@link #bootstrapServers()}.
     */
    public static KafkaBroker start(int defaultPartitions) {
        var broker = new EmbeddedKafkaKraftBroker(1, defaultPartitions);
        var properties = Map.of(
                "auto.create.topics.enable", "false",
                "log.retention.hours", "168",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1");
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return new KafkaBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
