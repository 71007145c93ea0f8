package io.dinechat.embedded;

import java.util.HashMap;
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

    /** @param port 0 for any free port */
    public static KafkaBroker start(int port, int defaultPartitions) {
        var broker = new EmbeddedKafkaKraftBroker(1, defaultPartitions);
        var properties = new HashMap<String, String>(Map.of(
                "auto.create.topics.enable", "false",
                "log.retention.hours", "168",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        if (port > 0) {
            // The KRaft test kit ignores kafkaPorts(); a fixed port is set on its listeners instead.
            properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
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
