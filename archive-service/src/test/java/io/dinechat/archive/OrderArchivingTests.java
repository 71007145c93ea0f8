package io.dinechat.archive;

import static io.dinechat.archive.OrderFixtures.cola;
import static io.dinechat.archive.OrderFixtures.pizza;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClients;
import io.dinechat.archive.application.GuestPseudonyms;
import io.dinechat.archive.application.OrderArchiving;
import io.dinechat.archive.config.ArchiveProperties;
import io.dinechat.archive.messaging.Topics;
import io.dinechat.archive.persistence.ArchiveDatabase;
import io.dinechat.archive.persistence.GuestErasures;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.events.EventPublisher;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The archive contract with order-service: store once, acknowledge only what MongoDB acknowledged. */
class OrderArchivingTests extends ArchiveServiceContext {

    private static final String REQUESTED = "io.dinechat.order.archive.requested";

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private JsonMapper json;

    @Test
    void anArchiveRequestIsStoredOnceAndAcknowledgedWithTheSameAnswerWhenRedelivered() {
        // given
        String tenant = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        Instant placed = Instant.parse("2026-11-17T10:30:00Z");
        String body = OrderFixtures.order(orderId, tenant, UUID.randomUUID().toString(), "96170123456", "Rami",
                "arabizi", "completed", placed, Duration.ofMinutes(40), "2.00", pizza(2), cola(1));

        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers());
                var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_ARCHIVED)) {
            // when: order-service's outbox delivers the request, then delivers it again
            producer.send(Topics.ORDER_ARCHIVE, orderId, UUID.randomUUID().toString(), REQUESTED, tenant, body);
            Eventually.await("the first acknowledgement", () -> countFor(probe.pollFor(Duration.ofMillis(200)), orderId) >= 1);
            producer.send(Topics.ORDER_ARCHIVE, orderId, UUID.randomUUID().toString(), REQUESTED, tenant, body);
            Eventually.await("the second acknowledgement", () -> countFor(probe.pollFor(Duration.ofMillis(200)), orderId) >= 2);
            List<ConsumerRecord<String, byte[]>> acks = probe.pollFor(Duration.ZERO).stream()
                    .filter(r -> orderId.equals(r.key())).toList();

            // then: one document, as sent, with money as decimals and times as dates
            List<Document> stored = mongo.getCollection("order_logs")
                    .flatMapMany(c -> c.find(new Document("orderId", orderId))).collectList().block(Duration.ofSeconds(10));
            assertThat(stored).hasSize(1);
            Document order = stored.getFirst();
            assertThat(order.getString("tenantId")).isEqualTo(tenant);
            assertThat(order.get("total")).isEqualTo(new Decimal128(new java.math.BigDecimal("24.50")));
            assertThat(order.getDate("placedAt").toInstant()).isEqualTo(placed);
            assertThat(order.get("customer", Document.class).getString("phone")).isEqualTo("96170123456");
            assertThat(order.getList("lines", Document.class)).hasSize(2);
            assertThat(order.getList("statusHistory", Document.class)).hasSize(2);

            // and: two acknowledgements, identical, valid, carrying the first archive time
            assertThat(acks).hasSize(2);
            assertThat(TopicProbe.header(acks.get(0), CloudEventHeaders.ID))
                    .isEqualTo(TopicProbe.header(acks.get(1), CloudEventHeaders.ID));
            assertThat(TopicProbe.header(acks.get(0), CloudEventHeaders.TYPE)).isEqualTo(OrderArchiving.ARCHIVED);
            assertThat(TopicProbe.header(acks.get(0), CloudEventHeaders.TENANT_ID)).isEqualTo(tenant);
            EventContract.assertValid(OrderArchiving.ARCHIVED, acks.get(0).value());
            JsonNode ack = json.readTree(acks.get(0).value());
            assertThat(ack.path("orderId").asString()).isEqualTo(orderId);
            assertThat(Instant.parse(ack.path("archivedAt").asString())).isEqualTo(order.getDate("archivedAt").toInstant());
            assertThat(acks.get(1).value()).isEqualTo(acks.get(0).value());
        }
    }

    @Test
    void nothingIsAcknowledgedWhenMongoDbCannotTakeTheWrite() throws Exception {
        // given: the archive pointed at a MongoDB that does not answer (a closed port)
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ArchiveProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("dinechat.archive", ArchiveProperties.class);
        try (var deadClient = MongoClients.create("mongodb://127.0.0.1:" + closedPort
                + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=300")) {
            var deadDb = new ArchiveDatabase(new ReactiveMongoTemplate(deadClient, "dinechat"), properties);
            var archiving = new OrderArchiving(new OrderLogs(deadDb),
                    new GuestPseudonyms(new GuestErasures(deadDb), properties), publisher, json, Clock.systemUTC());
            String tenant = UUID.randomUUID().toString();
            String orderId = UUID.randomUUID().toString();
            Document snapshot = Document.parse(OrderFixtures.order(orderId, tenant, UUID.randomUUID().toString(),
                    "96170123456", "Rami", "english", "completed", Instant.now(), Duration.ofMinutes(20), "0.00",
                    pizza(1)));

            try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_ARCHIVED)) {
                // when
                assertThatThrownBy(() -> archiving.archive(tenant, orderId, snapshot).block(Duration.ofSeconds(20)))
                        .isNotNull();

                // then: order-service hears nothing, so it keeps the order and the request is retried
                assertThat(probe.pollFor(Duration.ofSeconds(3))).noneMatch(r -> orderId.equals(r.key()));
            }
        }
    }

    private static long countFor(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).count();
    }
}
