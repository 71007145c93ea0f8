package io.dinechat.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The conversation flow against real Kafka and PostgreSQL, with Meta's Graph API played by
 * WireMock: a guest's message becomes exactly one reply built from the restaurant's catalog.
 */
@SpringBootTest
class ConversationFlowTests {

    static final String TENANT = "6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11";
    static final String NUMBER = "100000000000001";
    static final String TOKEN = "demo-token-for-tests";
    static final WireMockServer graphApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static boolean catalogPublished;

    @Autowired
    DatabaseClient db;

    @Autowired
    TenantTransactions tenants;

    @BeforeAll
    static void startGraphApi() {
        graphApi.start();
        graphApi.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"wamid.{{randomValue length=12 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
    }

    /** Once the service has declared its topics: the restaurant's catalog, as order-service publishes it. */
    @BeforeEach
    void publishCatalogOnce() {
        if (catalogPublished) {
            return;
        }
        // The fixture is held to the producer's contract, so it cannot drift from what order-service sends.
        EventContract.assertValid("io.dinechat.catalog.snapshot.published", SNAPSHOT.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("catalog.snapshots.v1", TENANT, UUID.randomUUID().toString(),
                    "io.dinechat.catalog.snapshot.published", TENANT, SNAPSHOT);
        }
        catalogPublished = true;
    }

    @AfterAll
    static void stopGraphApi() {
        graphApi.stop();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafkaAndPostgres(registry, "conversation");
        registry.add("dinechat.conversation.graph-api.base-url", graphApi::baseUrl);
        registry.add("dinechat.demo.enabled", () -> "true");
        registry.add("dinechat.demo.access-token", () -> TOKEN);
        registry.add("dinechat.conversation.replies.sweep-interval", () -> "500ms");
    }

    @Test
    void aGuestAskingForTheMenuGetsOneReplyWithTheRestaurantsPrices() {
        String guest = newGuest();
        String wamid = "wamid." + UUID.randomUUID();

        guestWrites(guest, wamid, "Hi! What's on the menu tonight?");

        List<LoggedRequest> replies = awaitReplies(guest, 1);
        String sent = replies.getFirst().getBodyAsString();
        assertThat(sent).contains("\"messaging_product\":\"whatsapp\"", "\"to\":\"" + guest + "\"", "Margherita",
                "12.50 USD").doesNotContain("Hidden special");
        assertThat(replies.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aRedeliveredMessageIsAnsweredOnce() {
        String guest = newGuest();
        String wamid = "wamid." + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        guestWrites(guest, wamid, "When are you open?", eventId);
        guestWrites(guest, wamid, "When are you open?", eventId);
        guestWrites(guest, wamid, "When are you open?", UUID.randomUUID().toString());

        assertThat(awaitReplies(guest, 1).getFirst().getBodyAsString()).contains("Opening hours of Trattoria Test");
        // A second reply would have been sent by now: the second and third deliveries were behind the first.
        guestWrites(guest, "wamid." + UUID.randomUUID(), "menu please");
        List<LoggedRequest> all = awaitReplies(guest, 2);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).getBodyAsString()).contains("Margherita");
        assertThat(count("select count(*) as n from messages where whatsapp_message_id = '" + wamid + "'", TENANT))
                .isEqualTo(1);
    }

    @Test
    void staffAnsweringFromTheBusinessAppSilencesTheAssistant() {
        String guest = newGuest();
        guestWrites(guest, "wamid." + UUID.randomUUID(), "hello");
        awaitReplies(guest, 1);

        staffEchoes(guest, "Hi, this is Marco from the restaurant, how can I help?");
        guestWrites(guest, "wamid." + UUID.randomUUID(), "Can I bring my dog?");
        String marker = "wamid." + UUID.randomUUID();
        guestWrites(guest, marker, "thanks");

        awaitStored(marker);
        assertThat(graphApi.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .withRequestBody(containing("\"to\":\"" + guest + "\"")))).hasSize(1);
    }

    @Test
    void aMessageForAnUnknownNumberIsRecordedAndIgnored() {
        String eventId = UUID.randomUUID().toString();
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", "999:123", eventId, "io.dinechat.whatsapp.message.received", null,
                    inbound("999", "123", "wamid." + UUID.randomUUID(), "hello?"));
        }
        Eventually.await("unrouted message recorded", () -> count("select count(*) as n from unrouted_messages where event_id = '" + eventId + "'", null) == 1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheConversationGoesOn() {
        String guest = newGuest();
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers());
                var dlt = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "whatsapp.inbound.v1.DLT")) {
            producer.sendRaw("whatsapp.inbound.v1", NUMBER + ":" + guest, "{not json".getBytes(StandardCharsets.UTF_8));
            guestWrites(guest, "wamid." + UUID.randomUUID(), "menu");

            var dead = dlt.pollUntil(r -> (NUMBER + ":" + guest).equals(r.key()), Duration.ofSeconds(20));
            assertThat(dead).anyMatch(r -> (NUMBER + ":" + guest).equals(r.key()));
        }
        assertThat(awaitReplies(guest, 1).getFirst().getBodyAsString()).contains("Margherita");
    }

    @Test
    void everyLoggedMessageIsPublishedOnTheConversationTopicMatchingItsSchema() {
        String guest = newGuest();
        guestWrites(guest, "wamid." + UUID.randomUUID(), "menu");
        try (var probe = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "conversation.events.v1")) {
            var records = probe.pollUntil(r -> (NUMBER + ":" + guest).equals(r.key())
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"author\":\"assistant\""),
                    Duration.ofSeconds(20));
            // The turn itself is recorded beside the two messages (turn.handled, checked in AssistantFlowTests).
            var mine = records.stream().filter(r -> (NUMBER + ":" + guest).equals(r.key())
                    && !"io.dinechat.conversation.turn.handled".equals(TopicProbe.header(r, "ce_type"))).toList();
            assertThat(mine).hasSize(2);
            mine.forEach(r -> {
                assertThat(TopicProbe.header(r, "ce_tenantid")).isEqualTo(TENANT);
                assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("io.dinechat.conversation.message.logged");
                if (EventContract.hasSchema("io.dinechat.conversation.message.logged")) {
                    EventContract.assertValid("io.dinechat.conversation.message.logged", r.value());
                }
            });
        }
    }

    // --- the guest's side -------------------------------------------------------------------

    private static String newGuest() {
        return "9715" + (10_000_000 + (long) (Math.random() * 89_999_999));
    }

    private void guestWrites(String guest, String wamid, String text) {
        guestWrites(guest, wamid, text, UUID.randomUUID().toString());
    }

    private void guestWrites(String guest, String wamid, String text, String eventId) {
        String body = inbound(NUMBER, guest, wamid, text);
        // What this consumer is fed must be what webhook-ingest may produce.
        EventContract.assertValid("io.dinechat.whatsapp.message.received", body.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", NUMBER + ":" + guest, eventId, "io.dinechat.whatsapp.message.received",
                    null, body);
        }
    }

    private void staffEchoes(String guest, String text) {
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", NUMBER + ":" + guest, UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.message.echoed", null,
                    inbound(NUMBER, guest, "wamid." + UUID.randomUUID(), text));
        }
    }

    private static String inbound(String number, String guest, String wamid, String text) {
        return """
                {"conversationKey":"%1$s:%2$s","wabaId":"2000","phoneNumberId":"%1$s","displayPhoneNumber":"+961 1 555 010",
                 "waId":"%2$s","contactName":"Amira","messageId":"%3$s","sentAt":"%4$s","type":"text","text":"%5$s",
                 "message":{"from":"%2$s","id":"%3$s","timestamp":"1790000000","type":"text","text":{"body":"%5$s"}}}
                """.formatted(number, guest, wamid, Instant.now().toString(), text);
    }

    private List<LoggedRequest> awaitReplies(String guest, int expected) {
        Supplier<List<LoggedRequest>> replies = () -> graphApi.findAll(
                postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withRequestBody(containing("\"to\":\"" + guest + "\"")));
        Eventually.await(expected + " replies to " + guest, () -> replies.get().size() >= expected);
        return replies.get();
    }

    private void awaitStored(String wamid) {
        Eventually.await("message " + wamid + " stored", () -> count("select count(*) as n from messages where whatsapp_message_id = '" + wamid + "'", TENANT) == 1);
    }

    private long count(String sql, String tenant) {
        var work = db.sql(sql).map(row -> row.get("n", Long.class)).one();
        if (tenant == null) {
            return work.block(Duration.ofSeconds(5));
        }
        return tenants.inTenant(UUID.fromString(tenant), () -> work).block(Duration.ofSeconds(5));
    }

    static final String SNAPSHOT = """
            {"tenantId":"6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11","version":1,"publishedAt":"2026-11-23T10:00:00Z",
             "business":{"name":"Trattoria Test","type":"restaurant","defaultLanguage":"english","timeZone":"Asia/Beirut",
                         "currency":"USD","settings":{"allowScheduledOrders":true,"allowDelivery":true,"allowTakeaway":true,"allowOnSite":true}},
             "branches":[],
             "openingHours":[{"branchId":null,"dayOfWeek":"MONDAY","opensAt":null,"closesAt":null,"closed":true},
                             {"branchId":null,"dayOfWeek":"TUESDAY","opensAt":"12:00","closesAt":"23:00","closed":false}],
             "policies":[],
             "menus":[{"id":"0a6f3c1e-1111-4a4a-8b8b-000000000001","name":"Dinner","description":null,"branchIds":[],"items":[
               {"id":"0a6f3c1e-2222-4a4a-8b8b-000000000001","name":"Margherita","description":"Tomato, mozzarella","price":"12.50","availability":"available","tags":[],"allergens":["gluten","milk"],"featured":true},
               {"id":"0a6f3c1e-2222-4a4a-8b8b-000000000002","name":"Burrata","description":null,"price":"14.00","availability":"out_of_stock","tags":[],"allergens":[],"featured":false}]}]}
            """;
}
