package io.dinechat.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold when things go wrong or pile up, through real Kafka and PostgreSQL: the service
 * stopped between a command and its answer resumes the dialog after a restart; one conversation's
 * messages are handled strictly in order while other conversations proceed in parallel; an answer
 * to an older command arriving after a newer one's changes nothing.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// The restart test closes contexts of its own, which disposes Reactor Netty's shared event loops in
// this JVM: it runs last, and this class's context is never reused.
@DirtiesContext
class ConversationResilienceTests {

    static final String TENANT = ConversationFlowTests.TENANT;
    static final String NUMBER = ConversationFlowTests.NUMBER;
    static final String MODEL_TENANT = "7e2c8a1f-6b2d-4d4f-8a4b-3c8e9d0f1b22";
    static final String MODEL_NUMBER = "100000000007107";
    static final Duration THINKING = Duration.ofMillis(700);
    static final WireMockServer graphApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer model = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .containerThreads(20));
    /** The properties of the test's context, to start the same service again after stopping it. */
    static final Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
    static boolean catalogPublished;
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    static void startGraphApi() {
        model.start();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay((int) THINKING.toMillis()).withBody("""
                        {"id":"chatcmpl-1","object":"chat.completion","created":1790000000,"model":"m",
                         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                                     "message":{"role":"assistant","content":"Hello from the model!","refusal":null}}],
                         "usage":{"prompt_tokens":90,"completion_tokens":10,"total_tokens":100}}""")));
        graphApi.stubFor(post(urlPathEqualTo("/v23.0/" + MODEL_NUMBER + "/messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.m{{randomValue length=12 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
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
        model.stop();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DynamicPropertyRegistry recording = (name, value) -> {
            properties.put(name, value);
            registry.add(name, value);
        };
        ServiceTestEnvironment.kafkaAndPostgres(recording, "conversation");
        recording.add("dinechat.conversation.graph-api.base-url", graphApi::baseUrl);
        recording.add("dinechat.demo.enabled", () -> "true");
        recording.add("dinechat.assistant.coalescing-window", () -> "0s");
        recording.add("dinechat.topics.partitions", () -> "3");
        recording.add("spring.kafka.listener.concurrency", () -> "3");
        recording.add("dinechat.assistant.llm.base-url", () -> model.baseUrl() + "/v1");
        recording.add("dinechat.assistant.llm.api-key", () -> "test-key");
        recording.add("dinechat.assistant.llm.timeout", () -> "20s");
    }

    @BeforeEach
    void catalog() {
        graphApi.resetRequests();
        if (!catalogPublished) {
            try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
                producer.send("catalog.snapshots.v1", TENANT, UUID.randomUUID().toString(),
                        "io.dinechat.catalog.snapshot.published", TENANT, ConversationFlowTests.SNAPSHOT);
            }
            catalogPublished = true;
        }
    }

    @Test
    @Order(3)
    void aDialogStoppedBetweenACommandAndItsAnswerResumesAfterARestart() {
        String guest = AssistantFlowTests.newGuest();
        String key = NUMBER + ":" + guest;
        try (var commands = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "reservation.commands.v1")) {
            // The framework's context steps aside (paused, its consumers stopped); the service runs
            // as a context of its own that this test closes and starts again.
            context.stop();
            try {
                LocalDate day;
                String commandId;
                try (var first = restart()) {
                    guestWrites(guest, "a table for 2 tomorrow at 9pm please");
                    JsonNode availability = awaitCommand(commands, key, "io.dinechat.reservation.availability.requested");
                    day = LocalDate.parse(availability.path("date").asString());
                    commandId = availability.path("commandId").asString();
                } // the service goes down with the command out and no answer yet...
                // ...reservation-service answers meanwhile...
                answer(key, "io.dinechat.reservation.availability.answered", """
                        {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":2,
                         "slots":[{"startsAt":"%sT21:00"}]}
                        """.formatted(commandId, TENANT, key, day, day));
                assertThat(replies(guest)).isEmpty();

                // ...and the restarted service picks the dialog up from the database where it stopped.
                try (var restarted = restart()) {
                    String summary = awaitReplies(guest, 1).getFirst();
                    assertThat(summary).contains("\"id\":\"confirm\"", "21:00", "2 people", "Amira");
                    guestTaps(guest, "confirm", "Confirm");
                    JsonNode create = awaitCommand(commands, key, "io.dinechat.reservation.create.requested");
                    assertThat(create.path("startsAt").asString()).isEqualTo(day + "T21:00");
                    assertThat(create.path("partySize").asInt()).isEqualTo(2);
                }
            } finally {
                context.start();
            }
        }
    }

    /**
     * A second business answers with the language model (WireMock playing an OpenAI-compatible
     * endpoint that takes THINKING to answer), so each turn visibly occupies its conversation.
     */
    @Test
    @Order(1)
    void oneConversationIsHandledInOrderWhileOthersProceedInParallel() {
        {
            connectModelBusiness(context);
            // One guest sends three messages in a row: each turn waits for the previous one.
            String chatty = guestsOnPartitions(MODEL_NUMBER, 1).getFirst();
            guestWritesTo(MODEL_NUMBER, chatty, "hello one");
            guestWritesTo(MODEL_NUMBER, chatty, "hello two");
            guestWritesTo(MODEL_NUMBER, chatty, "hello three");
            List<LoggedRequest> turns = awaitModelCalls(chatty, 3);
            for (int i = 0; i < 3; i++) {
                assertThat(turns.get(i).getBodyAsString()).contains(List.of("hello one", "hello two", "hello three")
                        .get(i));
            }
            for (int i = 1; i < 3; i++) {
                assertThat(Duration.between(turns.get(i - 1).getLoggedDate().toInstant(),
                        turns.get(i).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(THINKING.minusMillis(50));
            }
            // The model's grounded wording reaches the guest.
            Eventually.await("the model's replies sent", () -> requests(MODEL_NUMBER, chatty).size() >= 3);
            assertThat(requests(MODEL_NUMBER, chatty).getFirst().getBodyAsString()).contains("Hello from the model");

            // Three guests on three partitions writing at once are understood side by side.
            List<String> guests = guestsOnPartitions(MODEL_NUMBER, 3);
            guests.forEach(g -> guestWritesTo(MODEL_NUMBER, g, "hello there"));
            List<Instant> started = new ArrayList<>();
            for (String g : guests) {
                started.add(awaitModelCalls(g, 1).getFirst().getLoggedDate().toInstant());
            }
            started.sort(Comparator.naturalOrder());
            assertThat(Duration.between(started.getFirst(), started.getLast()))
                    .as("three conversations on three partitions proceed in parallel")
                    .isLessThan(THINKING);
        }
    }

    @Test
    @Order(2)
    void anAnswerToAnOlderCommandArrivingAfterTheNewerOnesChangesNothing() {
        String guest = AssistantFlowTests.newGuest();
        String key = NUMBER + ":" + guest;
        try (var commands = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "reservation.commands.v1")) {
            guestWrites(guest, "book a table for 2 tomorrow at 8pm");
            JsonNode first = awaitCommand(commands, key, "io.dinechat.reservation.availability.requested");
            // The guest changes their mind before the answer: a second check goes out.
            guestWrites(guest, "sorry, book a table for 4 people tomorrow at 9pm");
            JsonNode second = commands.pollUntil(r -> key.equals(r.key()) && !TopicProbe.header(r, "ce_id")
                    .equals(first.path("commandId").asString()), Duration.ofSeconds(20)).stream()
                    .filter(r -> key.equals(r.key()) && !TopicProbe.header(r, "ce_id")
                            .equals(first.path("commandId").asString()))
                    .map(r -> json.readTree(r.value())).findFirst().orElseThrow();
            assertThat(second.path("partySize").asInt()).isEqualTo(4);
            LocalDate day = LocalDate.parse(second.path("date").asString());

            // The newer answer first, then the older one: only the newer moves the dialog.
            answer(key, "io.dinechat.reservation.availability.answered", """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":4,
                     "slots":[{"startsAt":"%sT21:00"}]}
                    """.formatted(second.path("commandId").asString(), TENANT, key, day, day));
            String stale = answer(key, "io.dinechat.reservation.availability.answered", """
                    {"commandId":"%s","tenantId":"%s","conversationKey":"%s","branchId":null,"date":"%s","partySize":2,
                     "slots":[{"startsAt":"%sT20:00"}]}
                    """.formatted(first.path("commandId").asString(), TENANT, key, day, day));
            Eventually.await("the late answer consumed", () -> context.getBean(DatabaseClient.class)
                    .sql("select count(*) as n from processed_events where event_id = :id").bind("id", stale)
                    .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(5)) == 1);
            guestWrites(guest, "When are you open?");

            List<String> replies = awaitReplies(guest, 2);
            assertThat(replies.getFirst()).contains("21:00", "4 people").doesNotContain("20:00");
            assertThat(replies).noneMatch(r -> r.contains("2 people"));
        }
    }

    // --- the service, stopped and started --------------------------------------------------------

    private ConfigurableApplicationContext restart() {
        Map<String, Object> resolved = new LinkedHashMap<>();
        properties.forEach((name, value) -> resolved.put(name, value.get()));
        resolved.put("server.port", "0");
        return new SpringApplicationBuilder(ConversationApplication.class)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("restarted-test", resolved)))
                .run();
    }

    /** The model-answered business: its own number, catalog and engine choice. */
    private static void connectModelBusiness(ConfigurableApplicationContext ctx) {
        UUID tenant = UUID.fromString(MODEL_TENANT);
        var tenants = ctx.getBean(TenantTransactions.class);
        tenants.inTenant(tenant, () -> ctx.getBean(Channels.class).connect(tenant, MODEL_NUMBER, "+961 1 557 107",
                null, "model-business-token").then(ctx.getBean(AssistantStates.class)
                .saveSettings(tenant, new AssistantStates.Settings("llm", null)))).block(Duration.ofSeconds(10));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("catalog.snapshots.v1", MODEL_TENANT, UUID.randomUUID().toString(),
                    "io.dinechat.catalog.snapshot.published", MODEL_TENANT,
                    ConversationFlowTests.SNAPSHOT.replace(TENANT, MODEL_TENANT));
        }
    }

    private static List<LoggedRequest> awaitModelCalls(String guest, int expected) {
        Eventually.await(expected + " model calls for " + guest, () -> modelCalls(guest).size() >= expected);
        return modelCalls(guest);
    }

    private static List<LoggedRequest> modelCalls(String guest) {
        // The model is told nothing of the guest's number: a turn is recognised by the words it carries.
        return model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .filter(r -> r.getBodyAsString().contains(guest.substring(guest.length() - 6)))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static List<String> guestsOnPartitions(String number, int partitions) {
        List<String> guests = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            while (true) {
                String guest = AssistantFlowTests.newGuest();
                byte[] key = (number + ":" + guest).getBytes(StandardCharsets.UTF_8);
                if (Utils.toPositive(Utils.murmur2(key)) % partitions == p) {
                    guests.add(guest);
                    break;
                }
            }
        }
        return guests;
    }

    // --- the guest's and the reservation service's side ------------------------------------------

    private JsonNode awaitCommand(TopicProbe commands, String key, String type) {
        var found = commands.pollUntil(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")),
                Duration.ofSeconds(30));
        return found.stream().filter(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")))
                .map(r -> json.readTree(r.value())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key));
    }

    /** @return the answer's event id */
    private static String answer(String key, String type, String body) {
        String eventId = UUID.randomUUID().toString();
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("reservation.events.v1", key, eventId, type, TENANT, body);
        }
        return eventId;
    }

    private static void guestWrites(String guest, String text) {
        guestWritesWith(guest, "wamid." + UUID.randomUUID(), text);
    }

    /** A message whose text carries the guest's last digits, so the model's requests can be told apart. */
    private static void guestWritesTo(String number, String guest, String text) {
        sendTo(number, guest, "wamid." + UUID.randomUUID(), "text", text + " #" + guest.substring(guest.length() - 6),
                "\"text\":{\"body\":\"" + text + " #" + guest.substring(guest.length() - 6) + "\"}");
    }

    private static void guestWritesWith(String guest, String wamid, String text) {
        send(guest, wamid, "text", text, "\"text\":{\"body\":\"" + text + "\"}");
    }

    private static void guestTaps(String guest, String buttonId, String title) {
        send(guest, "wamid." + UUID.randomUUID(), "interactive", title,
                "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"" + buttonId + "\",\"title\":\""
                        + title + "\"}}");
    }

    private static void send(String guest, String wamid, String messageType, String text, String content) {
        sendTo(NUMBER, guest, wamid, messageType, text, content);
    }

    private static void sendTo(String number, String guest, String wamid, String messageType, String text,
            String content) {
        String body = """
                {"conversationKey":"%1$s:%2$s","wabaId":"2000","phoneNumberId":"%1$s","displayPhoneNumber":"+961 1 555 010",
                 "waId":"%2$s","contactName":"Amira","messageId":"%3$s","sentAt":"%4$s","type":"%5$s","text":"%6$s",
                 "message":{"from":"%2$s","id":"%3$s","timestamp":"1790000000","type":"%5$s",%7$s}}
                """.formatted(number, guest, wamid, Instant.now().toString(), messageType, text, content);
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.inbound.v1", number + ":" + guest, UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.message.received", null, body);
        }
    }

    private static List<String> awaitReplies(String guest, int expected) {
        return awaitRequests(guest, expected).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static List<LoggedRequest> awaitRequests(String guest, int expected) {
        Eventually.await(expected + " replies to " + guest, () -> requests(guest).size() >= expected);
        return requests(guest);
    }

    private static List<String> replies(String guest) {
        return requests(guest).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static List<LoggedRequest> requests(String guest) {
        return requests(NUMBER, guest);
    }

    private static List<LoggedRequest> requests(String number, String guest) {
        return graphApi.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + number + "/messages"))
                        .withRequestBody(containing("\"to\":\"" + guest + "\"")))
                .stream().filter(r -> !r.getBodyAsString().contains("\"status\":\"read\""))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }
}
