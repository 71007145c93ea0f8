package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.LoopbackHttp.get;
import static io.dinechat.localstack.whatsapp.LoopbackHttp.graphPost;
import static io.dinechat.localstack.whatsapp.LoopbackHttp.json;
import static io.dinechat.localstack.whatsapp.LoopbackHttp.postJson;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.GUEST;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.OLIVE;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON_TOKEN;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.buttonSend;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.messagesUri;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.textSend;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WhatsAppSimulatorChatPageTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingGateway gateway = new RecordingGateway();
    private WhatsAppSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new WhatsAppSimulator(SimulatorFixtures.config()
                .sendStatusWebhooks(false)
                .webhookUrl(gateway.webhookUrl())
                .build()).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        gateway.close();
    }

    @Test
    void servesTheChatPageAndItsAssets() {
        HttpResponse<String> page = get(simulator.baseUrl().resolve("/"));
        HttpResponse<String> script = get(simulator.baseUrl().resolve("/chat.js"));
        HttpResponse<String> styles = get(simulator.baseUrl().resolve("/chat.css"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html", "chat.js", "dir=\"auto\"");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(get(simulator.baseUrl().resolve("/secret.txt")).statusCode()).isEqualTo(404);
    }

    @Test
    void healthAndSetupNeverRevealTokens() {
        assertThat(get(simulator.baseUrl().resolve("/_sim/health")).statusCode()).isEqualTo(200);

        HttpResponse<String> setup = get(simulator.baseUrl().resolve("/_sim/setup"));
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(json(setup).path("numbers")).hasSize(2);
        assertThat(json(setup).path("numbers").path(0).path("verifiedName").asString()).isEqualTo("Saffron House");
        assertThat(setup.body()).doesNotContain(SAFFRON_TOKEN).doesNotContain(SimulatorFixtures.APP_SECRET);
    }

    @Test
    void theConversationShowsTheGuestsMessagesAndTheRestaurantsRepliesInOrder() {
        HttpResponse<String> sent = postJson(simUri("/_sim/guest/messages"), """
                {"phoneNumberId":"%s","waId":"%s","name":"Amira","text":"Table for 4 tonight?"}""".formatted(SAFFRON, GUEST));
        assertThat(sent.statusCode()).isEqualTo(200);
        String guestMessageId = json(sent).path("messageId").asString();
        assertThat(json(sent).path("webhookStatus").asInt()).isEqualTo(200);
        assertThat(gateway.next(WAIT).body()).isNotEmpty();

        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"" + guestMessageId + "\"}");
        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN, textSend(GUEST, "Yes! What time?"));
        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN, buttonSend(GUEST, "8pm or 9pm?", "t20", "8pm", "t21", "9pm"));
        graphPost(messagesUri(simulator, OLIVE), SimulatorFixtures.OLIVE_TOKEN, textSend(GUEST, "Another restaurant"));

        HttpResponse<String> conversation = get(simUri("/_sim/conversations?phoneNumberId=" + SAFFRON + "&waId=" + GUEST));

        assertThat(conversation.statusCode()).isEqualTo(200);
        JsonNode entries = json(conversation);
        assertThat(entries).hasSize(3);
        assertThat(entries.path(0).path("direction").asString()).isEqualTo("inbound");
        assertThat(entries.path(0).path("text").asString()).isEqualTo("Table for 4 tonight?");
        assertThat(entries.path(0).path("messageId").asString()).isEqualTo(guestMessageId);
        assertThat(entries.path(0).path("read").asBoolean()).isTrue();
        assertThat(entries.path(0).path("at").asString()).isNotBlank();
        assertThat(entries.path(1).path("direction").asString()).isEqualTo("outbound");
        assertThat(entries.path(1).path("text").asString()).isEqualTo("Yes! What time?");
        assertThat(entries.path(2).path("interactive").path("action").path("buttons")).hasSize(2);
        assertThat(simulator.conversation(SAFFRON, GUEST)).hasSize(3);
    }

    @Test
    void tappingAButtonOnThePageSendsAButtonReply() {
        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN, buttonSend(GUEST, "8pm or 9pm?", "t20", "8pm", "t21", "9pm"));
        String offeringWamid = simulator.outboundMessages().getFirst().wamid();

        HttpResponse<String> tapped = postJson(simUri("/_sim/guest/messages"), """
                {"phoneNumberId":"%s","waId":"%s","name":"Amira",
                 "reply":{"type":"button_reply","id":"t21","title":"9pm"},"contextMessageId":"%s"}"""
                .formatted(SAFFRON, GUEST, offeringWamid));

        assertThat(tapped.statusCode()).isEqualTo(200);
        JsonNode message = LoopbackHttp.JSON.readTree(gateway.next(WAIT).body())
                .path("entry").path(0).path("changes").path(0).path("value").path("messages").path(0);
        assertThat(message.path("interactive").path("button_reply").path("id").asString()).isEqualTo("t21");
        assertThat(message.path("context").path("id").asString()).isEqualTo(offeringWamid);
        JsonNode entries = json(get(simUri("/_sim/conversations?phoneNumberId=" + SAFFRON + "&waId=" + GUEST)));
        assertThat(entries.path(1).path("text").asString()).isEqualTo("9pm");
        assertThat(entries.path(1).path("interactive").path("type").asString()).isEqualTo("button_reply");
    }

    @Test
    void listsOutboundMessagesAndRedeliversOnRequest() {
        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN, textSend(GUEST, "Welcome"));
        JsonNode outbound = json(get(simUri("/_sim/outbound")));
        assertThat(outbound).hasSize(1);
        assertThat(outbound.path(0).path("to").asString()).isEqualTo(GUEST);
        assertThat(outbound.path(0).path("json").path("text").path("body").asString()).isEqualTo("Welcome");

        WebhookDelivery first = simulator.sendGuestText(SAFFRON, GUEST, "Amira", "Hello");
        gateway.next(WAIT);
        HttpResponse<String> redelivered = postJson(simUri("/_sim/guest/redeliver"),
                "{\"messageId\":\"" + first.messageId() + "\"}");
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(gateway.next(WAIT).body()).isEqualTo(first.payload());
    }

    @Test
    void explainsBadRequests() {
        HttpResponse<String> noText = postJson(simUri("/_sim/guest/messages"),
                "{\"phoneNumberId\":\"" + SAFFRON + "\",\"waId\":\"" + GUEST + "\",\"name\":\"Amira\"}");
        HttpResponse<String> unknownNumber = postJson(simUri("/_sim/guest/messages"),
                "{\"phoneNumberId\":\"1\",\"waId\":\"" + GUEST + "\",\"name\":\"Amira\",\"text\":\"Hi\"}");

        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(json(noText).path("error").asString()).isEqualTo("text is required");
        assertThat(unknownNumber.statusCode()).isEqualTo(400);
        assertThat(json(unknownNumber).path("error").asString()).contains("Unknown phone number id '1'");
        assertThat(get(simUri("/_sim/conversations")).statusCode()).isEqualTo(400);
        assertThat(get(simUri("/_sim/nothing")).statusCode()).isEqualTo(404);
    }

    private URI simUri(String pathAndQuery) {
        return URI.create(simulator.baseUrl() + pathAndQuery);
    }
}
