package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.LoopbackHttp.graphPost;
import static io.dinechat.localstack.whatsapp.LoopbackHttp.json;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.GUEST;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.OLIVE_TOKEN;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON_TOKEN;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.buttonSend;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.messagesUri;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.textSend;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WhatsAppSimulatorGraphApiTests {

    private WhatsAppSimulator simulator;
    private URI saffronMessages;

    @BeforeEach
    void start() {
        simulator = new WhatsAppSimulator(SimulatorFixtures.config().sendStatusWebhooks(false).build()).start();
        saffronMessages = messagesUri(simulator, SAFFRON);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void acceptsAValidSendAnswersLikeMetaAndRecordsIt() {
        HttpResponse<String> response = graphPost(saffronMessages, SAFFRON_TOKEN, textSend(GUEST, "Your table is booked"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("contacts").path(0).path("input").asString()).isEqualTo(GUEST);
        assertThat(body.path("contacts").path(0).path("wa_id").asString()).isEqualTo(GUEST);
        String wamid = body.path("messages").path(0).path("id").asString();
        assertThat(wamid).startsWith("wamid.").hasSizeGreaterThan(30);

        assertThat(simulator.outboundMessages()).singleElement().satisfies(sent -> {
            assertThat(sent.wamid()).isEqualTo(wamid);
            assertThat(sent.phoneNumberId()).isEqualTo(SAFFRON);
            assertThat(sent.to()).isEqualTo(GUEST);
            assertThat(sent.type()).isEqualTo("text");
            assertThat(sent.text()).isEqualTo("Your table is booked");
            assertThat(sent.contextMessageId()).isNull();
            assertThat(LoopbackHttp.JSON.readTree(sent.json()).path("text").path("preview_url").asBoolean()).isFalse();
            assertThat(sent.at()).isNotNull();
        });
        assertThat(simulator.outboundTo("+971 50 123 4567")).hasSize(1);
        assertThat(simulator.outboundTo("971500000000")).isEmpty();
    }

    @Test
    void recordsTheRepliedToMessageAndRendersInteractiveMessagesByTheirBody() {
        String send = """
                {"messaging_product":"whatsapp","to":"%s","type":"interactive","context":{"message_id":"wamid.GUEST1"},
                 "interactive":{"type":"button","body":{"text":"Shall I book 8pm for 4?"},
                 "action":{"buttons":[{"type":"reply","reply":{"id":"book-yes","title":"Yes"}},
                                      {"type":"reply","reply":{"id":"book-no","title":"No"}}]}}}""".formatted(GUEST);

        assertThat(graphPost(saffronMessages, SAFFRON_TOKEN, send).statusCode()).isEqualTo(200);

        OutboundMessage sent = simulator.outboundMessages().getFirst();
        assertThat(sent.type()).isEqualTo("interactive");
        assertThat(sent.text()).isEqualTo("Shall I book 8pm for 4?");
        assertThat(sent.contextMessageId()).isEqualTo("wamid.GUEST1");
    }

    @Test
    void recordsConcurrentSendsWithoutLosingAny() throws Exception {
        int sends = 40;
        List<Callable<String>> calls = IntStream.range(0, sends)
                .<Callable<String>>mapToObj(i -> () -> json(graphPost(saffronMessages, SAFFRON_TOKEN,
                        textSend("97150000" + String.format("%04d", i), "Message " + i)))
                        .path("messages").path(0).path("id").asString())
                .toList();

        List<String> wamids = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (Future<String> wamid : clients.invokeAll(calls)) {
                wamids.add(wamid.get());
            }
        }

        assertThat(wamids).doesNotHaveDuplicates().hasSize(sends);
        assertThat(simulator.outboundMessages()).extracting(OutboundMessage::wamid).containsExactlyInAnyOrderElementsOf(wamids);
    }

    @Test
    void answersAWrongTokenWithMetasOAuthErrorAndRecordsNothing() {
        HttpResponse<String> response = graphPost(saffronMessages, OLIVE_TOKEN, textSend(GUEST, "Hello"));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(190);
        assertThat(error.path("message").asString()).contains("Invalid OAuth access token");
        assertThat(error.path("fbtrace_id").asString()).isNotBlank();
        assertThat(simulator.outboundMessages()).isEmpty();
    }

    @Test
    void answersAMissingTokenWith401() {
        HttpResponse<String> response = graphPost(saffronMessages, null, textSend(GUEST, "Hello"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(190);
    }

    @Test
    void answersABodyWithoutRecipientWithInvalidParameter() {
        HttpResponse<String> response = graphPost(saffronMessages, SAFFRON_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"Hello\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        assertThat(error.path("message").asString()).isEqualTo("(#100) The parameter to is required.");
        assertThat(error.path("fbtrace_id").asString()).isNotBlank();
        assertThat(simulator.outboundMessages()).isEmpty();
    }

    @Test
    void answersOtherInvalidSendsWithInvalidParameter() {
        assertThat(errorOf(graphPost(saffronMessages, SAFFRON_TOKEN, "{\"to\":\"" + GUEST + "\",\"text\":{\"body\":\"x\"}}")))
                .contains("messaging_product");
        assertThat(errorOf(graphPost(saffronMessages, SAFFRON_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"" + GUEST + "\",\"type\":\"text\",\"text\":{}}")))
                .contains("text['body']");
        assertThat(errorOf(graphPost(saffronMessages, SAFFRON_TOKEN, "{not json")))
                .contains("Invalid parameter");

        HttpResponse<String> unknownNumber = graphPost(messagesUri(simulator, "999"), SAFFRON_TOKEN, textSend(GUEST, "Hi"));
        assertThat(unknownNumber.statusCode()).isEqualTo(400);
        assertThat(json(unknownNumber).path("error").path("code").asInt()).isEqualTo(100);
        assertThat(json(unknownNumber).path("error").path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void refusesWhatMetaRefusesInInteractiveMessages() {
        HttpResponse<String> fourButtons = graphPost(saffronMessages, SAFFRON_TOKEN,
                buttonSend(GUEST, "When?", "a", "7pm", "b", "8pm", "c", "9pm", "d", "10pm"));
        HttpResponse<String> longTitle = graphPost(saffronMessages, SAFFRON_TOKEN,
                buttonSend(GUEST, "Confirm?", "yes", "Yes, please book it for us"));

        assertThat(fourButtons.statusCode()).isEqualTo(400);
        assertThat(json(fourButtons).path("error").path("code").asInt()).isEqualTo(131009);
        assertThat(longTitle.statusCode()).isEqualTo(400);
        assertThat(json(longTitle).path("error").path("error_data").path("details").asString()).contains("Max length: 20");
        assertThat(simulator.outboundMessages()).isEmpty();
    }

    @Test
    void acceptsMarkAsRead() {
        HttpResponse<String> response = graphPost(saffronMessages, SAFFRON_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.GUEST1\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("success").asBoolean()).isTrue();
        assertThat(simulator.outboundMessages()).isEmpty();
    }

    private static String errorOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        return error.path("message").asString() + " / " + error.path("error_data").path("details").asString();
    }
}
