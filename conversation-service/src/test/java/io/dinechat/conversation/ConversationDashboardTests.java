package io.dinechat.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's inbox through the real service (token verification, row-level security, Kafka,
 * Graph API played by WireMock): staff read, take over, reply and hand back; owners alone set the
 * alert number; another business sees nothing; the stream carries the business's own changes only.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient
class ConversationDashboardTests {

    static final String TENANT = ConversationFlowTests.TENANT;
    static final String NUMBER = ConversationFlowTests.NUMBER;
    static final WireMockServer graphApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static boolean catalogPublished;
    final JsonMapper json = JsonMapper.builder().build();
    final String owner = TestIdentity.bearer(UUID.fromString(TENANT), UUID.randomUUID(), Role.OWNER);
    final String staff = TestIdentity.bearer(UUID.fromString(TENANT), UUID.randomUUID(), Role.STAFF);
    final String otherBusiness = TestIdentity.bearer(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void startGraphApi() {
        graphApi.start();
        graphApi.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"wamid.{{randomValue length=12 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
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
        registry.add("dinechat.assistant.coalescing-window", () -> "0s");
    }

    @BeforeEach
    void catalog() {
        if (!catalogPublished) {
            try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
                producer.send("catalog.snapshots.v1", TENANT, UUID.randomUUID().toString(),
                        "io.dinechat.catalog.snapshot.published", TENANT, ConversationFlowTests.SNAPSHOT);
            }
            catalogPublished = true;
        }
    }

    @Test
    void withoutATokenTheInboxIsClosed() {
        http.get().uri("/api/conversations").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/conversations/" + NUMBER + ":971500000000/takeover").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/conversations/stream").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void staffReadTakeOverReplyAndHandBackAndEveryChangeIsAudited() {
        String guest = AssistantFlowTests.newGuest();
        String key = NUMBER + ":" + guest;
        guestWrites(guest, "wamid." + UUID.randomUUID(), "What's on the menu?");
        awaitReplies(guest, 1);

        Eventually.await("the conversation in the inbox", () -> inbox(staff).stream()
                .anyMatch(c -> key.equals(c.path("conversationKey").asString())
                        && "assistant".equals(c.path("lastMessage").path("author").asString())));
        JsonNode read = http.get().uri("/api/conversations/" + key).header("Authorization", staff).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.path("summary").path("handoff").asString()).isEqualTo("assistant");
        assertThat(read.path("summary").path("guestName").asString()).isEqualTo("Amira");
        assertThat(read.path("messages")).extracting(m -> m.path("author").asString())
                .containsExactly("guest", "assistant");
        assertThat(read.path("messages").get(0).path("text").asString()).isEqualTo("What's on the menu?");

        try (var audit = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "audit.v1")) {
            http.post().uri("/api/conversations/" + key + "/takeover").header("Authorization", staff).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.handoff").isEqualTo("staff");

            // The assistant stays quiet while staff has the conversation.
            String quiet = "wamid." + UUID.randomUUID();
            guestWrites(guest, quiet, "hello? anyone?");
            awaitTakenIntoATurn(quiet);
            assertThat(replies(guest)).hasSize(1);

            http.post().uri("/api/conversations/" + key + "/replies").header("Authorization", staff)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Hi, Marco here. Table by the window?"))
                    .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.author").isEqualTo("staff");
            assertThat(awaitReplies(guest, 2).get(1)).contains("Marco here", "\"to\":\"" + guest + "\"");
            http.post().uri("/api/conversations/" + key + "/replies").header("Authorization", staff)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "  ")).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

            http.post().uri("/api/conversations/" + key + "/handback").header("Authorization", staff).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.handoff").isEqualTo("assistant");
            guestWrites(guest, "wamid." + UUID.randomUUID(), "When are you open?");
            assertThat(awaitReplies(guest, 3).get(2)).contains("Opening hours");

            var records = audit.pollUntil(r -> new String(r.value(), StandardCharsets.UTF_8).contains(key)
                    && new String(r.value(), StandardCharsets.UTF_8).contains("conversation.handed_back"),
                    Duration.ofSeconds(20));
            List<String> actions = records.stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(key))
                    .peek(r -> EventContract.assertValid("io.dinechat.audit.recorded", r.value()))
                    .map(r -> json.readTree(r.value()).path("action").asString()).toList();
            assertThat(actions).containsExactly("conversation.taken_over", "conversation.staff_replied",
                    "conversation.handed_back");
        }
        JsonNode after = http.get().uri("/api/conversations/" + key).header("Authorization", owner).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(after.path("messages")).extracting(m -> m.path("author").asString())
                .containsExactly("guest", "assistant", "guest", "staff", "guest", "assistant");
    }

    @Test
    void anotherBusinessSeesAndChangesNothingOfThisOne() {
        String guest = AssistantFlowTests.newGuest();
        String key = NUMBER + ":" + guest;
        guestWrites(guest, "wamid." + UUID.randomUUID(), "hello");
        awaitReplies(guest, 1);
        Eventually.await("the conversation in its own inbox",
                () -> inbox(owner).stream().anyMatch(c -> key.equals(c.path("conversationKey").asString())));

        assertThat(inbox(otherBusiness)).noneMatch(c -> key.equals(c.path("conversationKey").asString()));
        http.get().uri("/api/conversations/" + key).header("Authorization", otherBusiness).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/not-found");
        http.post().uri("/api/conversations/" + key + "/takeover").header("Authorization", otherBusiness).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/conversations/" + key + "/replies").header("Authorization", otherBusiness)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hi from elsewhere")).exchange()
                .expectStatus().isNotFound();

        JsonNode still = http.get().uri("/api/conversations/" + key).header("Authorization", owner).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(still.path("summary").path("handoff").asString()).isEqualTo("assistant");
        assertThat(still.path("messages")).hasSize(2);
        assertThat(replies(guest)).hasSize(1);
    }

    @Test
    void onlyTheOwnerSetsWhereEscalationAlertsGo() {
        http.put().uri("/api/conversations/settings").header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("ownerAlertPhone", "+961 70 000 002"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/conversations/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("ownerAlertPhone", "call me maybe"))
                .exchange().expectStatus().isBadRequest();
        http.put().uri("/api/conversations/settings").header("Authorization", owner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("ownerAlertPhone", "+961 70 000 002"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.ownerAlertPhone").isEqualTo("96170000002");
        http.get().uri("/api/conversations/settings").header("Authorization", owner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ownerAlertPhone").isEqualTo("96170000002");
        http.get().uri("/api/conversations/settings").header("Authorization", otherBusiness).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ownerAlertPhone").doesNotExist();
    }

    @Test
    void theStreamCarriesTheBusinesssOwnNewMessagesAndHandoffsOnly() {
        Eventually.await("the feed consumer has its partitions",
                () -> !listeners.getListenerContainer("dashboard-feed").getAssignedPartitions().isEmpty());
        var type = new ParameterizedTypeReference<ServerSentEvent<String>>() {
        };
        Flux<ServerSentEvent<String>> mine = http.get().uri("/api/conversations/stream").header("Authorization", staff)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(type).getResponseBody();
        Flux<ServerSentEvent<String>> theirs = http.get().uri("/api/conversations/stream")
                .header("Authorization", otherBusiness).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(type).getResponseBody();
        List<ServerSentEvent<String>> seenByMe = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<String>> seenByOthers = new CopyOnWriteArrayList<>();
        var subscriptions = List.of(mine.filter(e -> e.data() != null).subscribe(seenByMe::add),
                theirs.filter(e -> e.data() != null).subscribe(seenByOthers::add));
        try {
            String guest = AssistantFlowTests.newGuest();
            String key = NUMBER + ":" + guest;
            guestWrites(guest, "wamid." + UUID.randomUUID(), "hello");
            awaitReplies(guest, 1);
            http.post().uri("/api/conversations/" + key + "/takeover").header("Authorization", staff).exchange()
                    .expectStatus().isOk();

            Eventually.await("the guest's message, the reply and the takeover streamed", () -> seenByMe.stream()
                    .filter(e -> e.data().contains(guest)).map(ServerSentEvent::event).toList()
                    .containsAll(List.of("message", "handoff")));
            List<JsonNode> streamed = seenByMe.stream().filter(e -> e.data().contains(guest))
                    .map(e -> json.readTree(e.data())).toList();
            assertThat(streamed).allMatch(e -> key.equals(e.path("conversationKey").asString()));
            assertThat(streamed).anyMatch(e -> "guest".equals(e.path("author").asString()));
            assertThat(streamed).anyMatch(e -> "staff".equals(e.path("state").asString()));
            assertThat(seenByOthers).noneMatch(e -> e.data().contains(guest));
        } finally {
            subscriptions.forEach(reactor.core.Disposable::dispose);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private List<JsonNode> inbox(String token) {
        JsonNode list = http.get().uri("/api/conversations").header("Authorization", token).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private void awaitTakenIntoATurn(String wamid) {
        Eventually.await(wamid + " taken into a turn", () -> tenants.inTenant(UUID.fromString(TENANT), () -> db
                .sql("select count(*) as n from messages where whatsapp_message_id = :w and turn_id is not null")
                .bind("w", wamid).map(row -> row.get("n", Long.class)).one()).block(Duration.ofSeconds(5)) == 1);
    }

    private static void guestWrites(String guest, String wamid, String text) {
        String body = """
                {"conversationKey":"%1$s:%2$s","wabaId":"2000","phoneNumberId":"%1$s","displayPhoneNumber":"+961 1 555 010",
                 "waId":"%2$s","contactName":"Amira","messageId":"%3$s","sentAt":"%4$s","type":"text","text":"%5$s",
                 "message":{"from":"%2$s","id":"%3$s","timestamp":"1790000000","type":"text","text":{"body":"%5$s"}}}
                """.formatted(NUMBER, guest, wamid, Instant.now().toString(), text);
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", NUMBER + ":" + guest, UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.message.received", null, body);
        }
    }

    private static List<String> awaitReplies(String guest, int expected) {
        Eventually.await(expected + " replies to " + guest, () -> replies(guest).size() >= expected);
        return replies(guest);
    }

    private static List<String> replies(String guest) {
        return graphApi.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                        .withRequestBody(containing("\"to\":\"" + guest + "\"")))
                .stream().map(r -> r.getBodyAsString())
                .filter(b -> !b.contains("\"status\":\"read\"") && !b.contains("typing_indicator")).toList();
    }
}
