package io.dinechat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.embedded.KafkaBroker;
import io.dinechat.platform.events.MalformedEventException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * The ordered dead-letter policy on a real broker: a record that keeps failing holds back its
 * partition for a bounded number of retries, then lands on the DLT at the same partition number,
 * and the conversation's next record is processed after it; a malformed record is not retried.
 */
class OrderedDeadLetterPolicyTests {

    static KafkaBroker broker;
    static final String TOPIC = "policy.test.v1";

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new TopicDeclarations(3, (short) 1).ordered(TOPIC).toArray())).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aFailingRecordIsRetriedThenDeadLetteredWithoutLettingItsSuccessorsOvertakeIt() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        KafkaTemplate<String, String> template = template();
        var container = container(template, record -> {
            attempts.add(record.value());
            switch (record.value()) {
                case "poison" -> throw new IllegalStateException("provider down");
                case "garbage" -> throw new MalformedEventException("not JSON");
                default -> {
                }
            }
        });
        container.start();
        try {
            String key = "100:" + UUID.randomUUID();
            int partition = template.send(TOPIC, key, "first").get().getRecordMetadata().partition();
            template.send(TOPIC, key, "poison").get();
            template.send(TOPIC, key, "garbage").get();
            template.send(TOPIC, key, "last").get();

            List<ConsumerRecord<String, String>> dead = readDeadLetters(key, 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!attempts.contains("last") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            // One try and 3 bounded retries for the poison, none for the malformed record, and the
            // conversation's last message only after both are out of the way.
            assertThat(attempts).containsExactly("first", "poison", "poison", "poison", "poison", "garbage", "last");
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("poison", "garbage");
            assertThat(dead).allSatisfy(r -> assertThat(r.partition()).isEqualTo(partition));
            assertThat(new String(dead.getFirst().headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("provider down");
        } finally {
            container.stop();
        }
    }

    private static KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer()));
    }

    private static KafkaMessageListenerContainer<String, String> container(KafkaTemplate<String, String> template,
            MessageListener<String, String> listener) {
        var consumers = new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "policy-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        var properties = new ContainerProperties(TOPIC);
        properties.setMessageListener(listener);
        var container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.setCommonErrorHandler(
                OrderedDeadLetterPolicy.errorHandler(template, 3, Duration.ofMillis(10), Duration.ofMillis(50)));
        return container;
    }

    private static List<ConsumerRecord<String, String>> readDeadLetters(String key, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC + OrderedDeadLetterPolicy.DLT_SUFFIX));
            List<ConsumerRecord<String, String>> dead = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
            }
            return dead;
        }
    }
}
