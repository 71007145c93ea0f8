package io.dinechat.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.platform.events.CloudEventHeaders;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The assistant's order commands on order.commands.v1, answered on order.events.v1, over the real broker. */
class OrderCommandTests extends RunningOrderService {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUOTE = "io.dinechat.order.quote.requested";
    static final String PLACE = "io.dinechat.order.place.requested";

    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private DatabaseClient db;

    @BeforeEach
    void fridayEvening() {
        CLOCK.set(TestClock.FRIDAY_EVENING);
    }

    static String conversation() {
        return DEMO_PHONE_NUMBER_ID + ":9617" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    static String orderCommand(UUID commandId, String conversationKey, String fulfilment, String items) {
        String phone = conversationKey.substring(conversationKey.indexOf(':') + 1);
        return """
                {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"language":"french",
                 "customer":{"name":"Rania","phone":"%s"},"fulfilment":"%s",
                 "deliveryAddress":{"text":"Armenia Street, Mar Mikhael","latitude":33.8970,"longitude":35.5250},
                 "scheduledFor":null,"notes":"Ring twice","paymentMethod":"cash","items":%s}
                """.formatted(commandId, DEMO_TENANT, conversationKey, phone, fulfilment, items);
    }

    static String twoLargeMargheritasWithBurrata() {
        return """
                [{"itemId":"%s","quantity":2,"optionIds":["%s","%s"],"notes":"well done"},
                 {"itemId":"%s","quantity":1,"optionIds":[]}]
                """.formatted(DemoIds.MARGHERITA, DemoIds.LARGE, DemoIds.EXTRA_BURRATA, DemoIds.TIRAMISU);
    }

    static void send(String type, String conversationKey, UUID commandId, String body) {
        if (EventContract.hasSchema(type)) {
            EventContract.assertValid(type, body.getBytes(StandardCharsets.UTF_8)); // the producer's contract, when written
        }
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send(Topics.ORDER_COMMANDS, conversationKey, commandId.toString(), type, DEMO_TENANT.toString(), body);
        }
    }

    static ConsumerRecord<String, byte[]> reply(TopicProbe probe, UUID commandId) {
        Predicate<ConsumerRecord<String, byte[]>> match = r -> json(r).path("commandId").asString("").equals(commandId.toString());
        return probe.pollUntil(match, ARRIVAL).stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no reply to " + commandId + " within " + ARRIVAL));
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aPlacedOrderIsPricedFromTheCatalogStoredAndAnsweredOnTheSameConversation() {
        // given
        String conversation = conversation();
        UUID commandId = UUID.randomUUID();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            // when
            send(PLACE, conversation, commandId, orderCommand(commandId, conversation, "delivery",
                    twoLargeMargheritasWithBurrata()));

            // then: 2 x (12.50 + 4.00 + 3.50) + 7.50 = 47.50, above the 40.00 free-delivery threshold
            ConsumerRecord<String, byte[]> record = reply(probe, commandId);
            assertThat(record.key()).isEqualTo(conversation);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.order.placed");
            assertThat(TopicProbe.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(DEMO_TENANT.toString());
            EventContract.assertValid("io.dinechat.order.placed", record.value());
            JsonNode placed = json(record);
            assertThat(placed.path("reference").asString()).matches("A-\\d+");
            assertThat(placed.path("status").asString()).isEqualTo("pending");
            assertThat(placed.path("branchId").asString()).isEqualTo(DemoIds.BRANCH.toString());
            JsonNode pizza = placed.path("lines").get(0);
            assertThat(pizza.path("name").asString()).isEqualTo("Margherita");
            assertThat(pizza.path("unitPrice").asString()).isEqualTo("20.00");
            assertThat(pizza.path("lineTotal").asString()).isEqualTo("40.00");
            assertThat(pizza.path("options")).hasSize(2);
            assertThat(placed.path("subtotal").asString()).isEqualTo("47.50");
            assertThat(placed.path("deliveryFee").asString()).isEqualTo("0.00");
            assertThat(placed.path("total").asString()).isEqualTo("47.50");
            assertThat(placed.path("currency").asString()).isEqualTo("USD");

            UUID orderId = UUID.fromString(placed.path("orderId").asString());
            assertThat(count("select count(*) as n from orders where id = '" + orderId + "' and status = 'pending'"
                    + " and language_used = 'french' and conversation_key = '" + conversation + "'")).isOne();
            assertThat(count("select count(*) as n from order_items where order_id = '" + orderId + "'")).isEqualTo(2);
            assertThat(count("select count(*) as n from order_item_options o join order_items i on i.id = o.order_item_id"
                    + " where i.order_id = '" + orderId + "'")).isEqualTo(2);
            assertThat(count("select count(*) as n from order_status_history where order_id = '" + orderId
                    + "' and to_status = 'pending' and changed_by = 'guest'")).isOne();
        }
    }

    @Test
    void aRepeatedCommandGetsTheSameReplyAgainAndNeverASecondOrder() {
        // given: a placed order
        String conversation = conversation();
        UUID commandId = UUID.randomUUID();
        String body = orderCommand(commandId, conversation, "takeaway", twoLargeMargheritasWithBurrata());
        String phone = conversation.substring(conversation.indexOf(':') + 1);
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            send(PLACE, conversation, commandId, body);
            ConsumerRecord<String, byte[]> first = reply(probe, commandId);

            // when: the assistant (after a crash) sends the same command again
            send(PLACE, conversation, commandId, body);

            // then
            Predicate<ConsumerRecord<String, byte[]>> sameCommand =
                    r -> json(r).path("commandId").asString("").equals(commandId.toString());
            List<ConsumerRecord<String, byte[]>> replies = probe.pollUntil(
                    r -> probe.pollFor(Duration.ZERO).stream().filter(sameCommand).count() >= 2, ARRIVAL)
                    .stream().filter(sameCommand).toList();
            assertThat(replies).hasSize(2);
            assertThat(TopicProbe.header(replies.get(1), CloudEventHeaders.ID))
                    .isEqualTo(TopicProbe.header(first, CloudEventHeaders.ID));
            assertThat(replies.get(1).value()).isEqualTo(first.value());
            assertThat(count("select count(*) as n from orders where customer_phone_number = '" + phone + "'")).isOne();
        }
    }

    @Test
    void aQuoteValidatesAndPricesWithoutStoringAnything() {
        // given
        String conversation = conversation();
        String phone = conversation.substring(conversation.indexOf(':') + 1);
        UUID commandId = UUID.randomUUID();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            // when: 1 regular margherita and a tiramisù delivered: 20.00 + 2.00 delivery fee
            send(QUOTE, conversation, commandId, orderCommand(commandId, conversation, "delivery", """
                    [{"itemId":"%s","quantity":1,"optionIds":["%s"]},{"itemId":"%s","quantity":1,"optionIds":[]}]
                    """.formatted(DemoIds.MARGHERITA, DemoIds.REGULAR, DemoIds.TIRAMISU)));

            // then
            ConsumerRecord<String, byte[]> record = reply(probe, commandId);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.order.quoted");
            EventContract.assertValid("io.dinechat.order.quoted", record.value());
            JsonNode quoted = json(record);
            assertThat(quoted.has("orderId")).isFalse();
            assertThat(quoted.path("subtotal").asString()).isEqualTo("20.00");
            assertThat(quoted.path("deliveryFee").asString()).isEqualTo("2.00");
            assertThat(quoted.path("total").asString()).isEqualTo("22.00");
            assertThat(count("select count(*) as n from orders where customer_phone_number = '" + phone + "'")).isZero();
        }
    }

    @Test
    void anOrderThatBreaksTheRulesIsRejectedWithEveryReasonForTheAssistant() {
        // given: a sold-out pasta, a staff-only dish, and a margherita without its required size
        String conversation = conversation();
        UUID commandId = UUID.randomUUID();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            // when
            send(PLACE, conversation, commandId, orderCommand(commandId, conversation, "takeaway", """
                    [{"itemId":"%s","quantity":1,"optionIds":[]},{"itemId":"%s","quantity":1,"optionIds":[]},
                     {"itemId":"%s","quantity":2,"optionIds":[]}]
                    """.formatted(DemoIds.CACIO_E_PEPE, DemoIds.TARTUFO, DemoIds.MARGHERITA)));

            // then
            ConsumerRecord<String, byte[]> record = reply(probe, commandId);
            assertThat(record.key()).isEqualTo(conversation);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("io.dinechat.order.rejected");
            EventContract.assertValid("io.dinechat.order.rejected", record.value());
            JsonNode rejected = json(record);
            assertThat(rejected.path("command").asString()).isEqualTo("place");
            assertThat(rejected.path("reasons")).extracting(r -> r.path("code").asString() + "@" + r.path("itemId").asString())
                    .containsExactly("ITEM_UNAVAILABLE@" + DemoIds.CACIO_E_PEPE, "ITEM_NOT_FOUND@" + DemoIds.TARTUFO,
                            "INVALID_OPTIONS@" + DemoIds.MARGHERITA);
        }
    }

    @Test
    void onMondayTheRestaurantIsClosedAndTheAssistantIsToldSo() {
        // given: Monday 23 November 2026, 13:00 in Beirut; the demo restaurant closes on Mondays
        CLOCK.set(java.time.Instant.parse("2026-11-23T11:00:00Z"));
        String conversation = conversation();
        UUID commandId = UUID.randomUUID();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            // when
            send(QUOTE, conversation, commandId, orderCommand(commandId, conversation, "takeaway",
                    twoLargeMargheritasWithBurrata()));

            // then
            JsonNode rejected = json(reply(probe, commandId));
            assertThat(rejected.path("command").asString()).isEqualTo("quote");
            assertThat(rejected.path("reasons")).extracting(r -> r.path("code").asString()).containsExactly("BRANCH_CLOSED");
        }
    }

    @Test
    void aStatusQuestionListsTheGuestsLatestOrders() {
        // given: the guest placed an order
        String conversation = conversation();
        UUID placeId = UUID.randomUUID();
        UUID askId = UUID.randomUUID();
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_EVENTS)) {
            send(PLACE, conversation, placeId, orderCommand(placeId, conversation, "takeaway",
                    twoLargeMargheritasWithBurrata()));
            String reference = json(reply(probe, placeId)).path("reference").asString();

            // when
            send("io.dinechat.order.status.requested", conversation, askId, """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"language":"english","customerPhone":"%s"}
                    """.formatted(askId, DEMO_TENANT, conversation, conversation.substring(conversation.indexOf(':') + 1)));

            // then
            ConsumerRecord<String, byte[]> record = reply(probe, askId);
            EventContract.assertValid("io.dinechat.order.status.answered", record.value());
            JsonNode orders = json(record).path("orders");
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).path("reference").asString()).isEqualTo(reference);
            assertThat(orders.get(0).path("status").asString()).isEqualTo("pending");
            assertThat(orders.get(0).path("total").asString()).isEqualTo("47.50");
        }
    }

    @Test
    void aCommandWithoutACommandIdGoesToTheDeadLetterTopicOnItsPartition() {
        // given
        String conversation = conversation();
        UUID ceId = UUID.randomUUID();

        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), Topics.ORDER_COMMANDS + ".DLT")) {
            // when
            try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
                producer.send(Topics.ORDER_COMMANDS, conversation, ceId.toString(), PLACE, DEMO_TENANT.toString(),
                        "{\"tenantId\":\"" + DEMO_TENANT + "\",\"conversationKey\":\"" + conversation + "\"}");
            }

            // then
            Predicate<ConsumerRecord<String, byte[]>> match = r -> ceId.toString().equals(TopicProbe.header(r, CloudEventHeaders.ID));
            assertThat(probe.pollUntil(match, ARRIVAL)).anyMatch(match);
        }
    }

    private long count(String sql) {
        return tenants.inTenant(DEMO_TENANT, () -> db.sql(sql).map(row -> row.get("n", Long.class)).one())
                .block(Duration.ofSeconds(30));
    }
}
