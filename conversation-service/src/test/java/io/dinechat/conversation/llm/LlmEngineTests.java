package io.dinechat.conversation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.conversation.application.EngineRouter;
import io.dinechat.conversation.application.Understanders.Understood;
import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Fulfilment;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.OfflineEngine;
import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.snapshot.CatalogSnapshotReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model engine over real HTTP against a local server speaking OpenAI's chat-completions wire
 * format (WireMock): tools go out with the request, reading tools are answered from the catalog and
 * the model goes on, an acting tool becomes a validated understanding, ungrounded wording is
 * refused, and a failing or slow endpoint leaves the offline engine answering.
 */
class LlmEngineTests {

    static final String MARGHERITA = "0a6f3c1e-2222-4a4a-8b8b-000000000001";
    static final String LARGE = "0a6f3c1e-5555-4a4a-8b8b-000000000002";
    static final String CATALOG = """
            {"tenantId":"6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11","version":1,"publishedAt":"2026-11-23T10:00:00Z",
             "business":{"name":"Trattoria Test","type":"restaurant","defaultLanguage":"english","timeZone":"Asia/Beirut",
                         "currency":"USD","settings":{"allowScheduledOrders":true,"allowDelivery":true,"allowTakeaway":true,"allowOnSite":true}},
             "branches":[],
             "openingHours":[{"branchId":null,"dayOfWeek":"TUESDAY","opensAt":"12:00","closesAt":"23:00","closed":false}],
             "policies":[{"type":"pets","title":"Pets","description":"Dogs are welcome on the terrace."}],
             "menus":[{"id":"0a6f3c1e-1111-4a4a-8b8b-000000000001","name":"Pizzas","description":null,"branchIds":[],"items":[
               {"id":"%s","name":"Margherita","description":"Tomato, mozzarella","price":"12.50","availability":"available",
                "tags":[],"allergens":["gluten","milk"],"featured":true,
                "optionGroups":[{"id":"0a6f3c1e-5555-4a4a-8b8b-000000000001","name":"Size","kind":"size","required":false,
                  "minChoices":0,"maxChoices":1,"options":[{"id":"%s","name":"Large","priceDelta":"3.00","available":true}]}]}]}]}
            """.formatted(MARGHERITA, LARGE);

    static final WireMockServer model = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final CatalogFacts catalog = CatalogSnapshotReader.read(JsonMapper.builder().build().readTree(CATALOG));
    final LocalDate today = LocalDate.of(2026, 11, 24);

    @BeforeAll
    static void start() {
        model.start();
    }

    @AfterAll
    static void stop() {
        model.stop();
    }

    @BeforeEach
    void reset() {
        model.resetAll();
    }

    @Test
    void aReadingToolIsAnsweredFromTheCatalogAndAnActingToolBecomesAValidatedOrder() {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(notContaining("tool_call_id"))
                .willReturn(completion(toolCall("call_1", "search_menu", "{\"query\":\"margherita\"}"), 120)));
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("tool_call_id"))
                .willReturn(completion(toolCall("call_2", "update_cart", """
                        {"items":[{"item_id":"%s","quantity":2,"option_ids":["%s","%s"]},
                                  {"item_id":"%s","quantity":1}],"fulfilment":"takeaway"}"""
                        .formatted(MARGHERITA, LARGE, UUID.randomUUID(), UUID.randomUUID())), 80)));

        Understood understood = router(Duration.ofSeconds(20)).understand("llm", turn("2 large margheritas to take away please"))
                .block(Duration.ofSeconds(30));

        assertThat(understood.engine()).isEqualTo("llm");
        assertThat(understood.tokens()).isEqualTo(200);
        assertThat(understood.reply()).isNull();
        var u = understood.understanding();
        assertThat(u.intent()).isEqualTo(Intent.ORDER);
        assertThat(u.language()).isEqualTo(Language.ENGLISH);
        assertThat(u.slots().fulfilment()).isEqualTo(Fulfilment.TAKEAWAY);
        // The invented item and the option that is not the item's are dropped; the real ones kept.
        assertThat(u.slots().items()).singleElement().satisfies(line -> {
            assertThat(line.itemId()).hasToString(MARGHERITA);
            assertThat(line.itemName()).isEqualTo("Margherita");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.optionIds()).containsExactly(UUID.fromString(LARGE));
        });
        // The first request declared the tools; the second carried the catalog's own data back.
        var requests = model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
        assertThat(requests.get(0).getBodyAsString()).contains("\"update_cart\"", "\"search_menu\"", "\"hand_over\"",
                "test-model", "Trattoria Test");
        assertThat(requests.get(1).getBodyAsString()).contains("call_1", MARGHERITA, "12.50", LARGE);
    }

    @Test
    void aWordingWithAPriceOrDishNotInTheCatalogIsRegeneratedOnce() {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(notContaining("not in the restaurant"))
                .willReturn(completion(text("Our Margherita is 9.99 USD, and we also have sushi!"), 50)));
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("not in the restaurant"))
                .willReturn(completion(text("The Margherita is 12.50 USD, or 15.50 USD as a Large."), 50)));

        Understood understood = router(Duration.ofSeconds(20)).understand("llm", turn("how much is the margherita?"))
                .block(Duration.ofSeconds(30));

        assertThat(understood.reply()).isEqualTo("The Margherita is 12.50 USD, or 15.50 USD as a Large.");
        assertThat(understood.engine()).isEqualTo("llm");
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).get(1).getBodyAsString())
                .contains("9.99 USD", "sushi");
    }

    @Test
    void aWordingUngroundedTwiceGivesWayToTheTemplatedAnswer() {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(completion(text("Margherita: $8. Lobster linguine: $30."), 50)));

        Understood understood = router(Duration.ofSeconds(20)).understand("llm", turn("what's the price of a margherita"))
                .block(Duration.ofSeconds(30));

        assertThat(understood.reply()).isNull(); // the pipeline words the catalog's prices itself
        assertThat(understood.understanding().intent()).isIn(Intent.PRICE, Intent.MENU_QUESTION);
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(2);
    }

    @Test
    void aFailingEndpointLeavesTheOfflineEngineAnsweringAndOpensTheCircuit() {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"boom\"}}")));
        EngineRouter router = router(Duration.ofSeconds(20));

        for (int i = 0; i < 3; i++) {
            Understood understood = router.understand("llm", turn("book a table for 4 tomorrow at 8pm"))
                    .block(Duration.ofSeconds(30));
            assertThat(understood.engine()).isEqualTo("offline");
            assertThat(understood.understanding().intent()).isEqualTo(Intent.BOOK);
            assertThat(understood.understanding().slots().partySize()).isEqualTo(4);
        }
        int calls = model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size();
        assertThat(calls).isEqualTo(3);

        // The circuit is open now: the model is not even called.
        assertThat(router.understand("llm", turn("menu please")).block(Duration.ofSeconds(30)).engine())
                .isEqualTo("offline");
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(calls);
    }

    @Test
    void aSlowEndpointIsNotWaitedFor() {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(completion(text("Hello!"), 10).withFixedDelay(3_000)));

        long started = System.nanoTime();
        Understood understood = router(Duration.ofMillis(400)).understand("llm", turn("hello"))
                .block(Duration.ofSeconds(30));

        assertThat(understood.engine()).isEqualTo("offline");
        assertThat(understood.understanding().intent()).isEqualTo(Intent.GREETING);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void aBusinessOnTheOfflineEngineNeverReachesTheModel() {
        Understood understood = router(Duration.ofSeconds(20)).understand("offline", turn("hello"))
                .block(Duration.ofSeconds(30));
        assertThat(understood.engine()).isEqualTo("offline");
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
        model.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
                equalTo("Bearer test-key")));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private EngineRouter router(Duration timeout) {
        LlmEngine engine = LlmEngine.openAiCompatible(model.baseUrl() + "/v1", "test-key", "test-model", timeout);
        return new EngineRouter(new OfflineEngine(), engine, "offline", timeout.plusMillis(200),
                EngineRouter.strictCircuit(3, timeout, Duration.ofMinutes(1)));
    }

    private TurnInput turn(String text) {
        return new TurnInput(text, null, catalog, today, ZoneId.of("Asia/Beirut"));
    }

    private static String toolCall(String id, String name, String arguments) {
        String escaped = arguments.replace("\n", "").replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"%s","type":"function",
                 "function":{"name":"%s","arguments":"%s"}}]}""".formatted(id, name, escaped);
    }

    private static String text(String content) {
        return """
                {"role":"assistant","content":"%s","refusal":null}""".formatted(content);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String message,
            int tokens) {
        String finish = message.contains("tool_calls") ? "tool_calls" : "stop";
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id":"chatcmpl-%s","object":"chat.completion","created":1790000000,"model":"test-model",
                 "choices":[{"index":0,"finish_reason":"%s","logprobs":null,"message":%s}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(UUID.randomUUID(), finish, message, tokens - 10, 10, tokens));
    }
}
