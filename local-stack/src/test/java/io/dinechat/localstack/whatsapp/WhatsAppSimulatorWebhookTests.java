package io.dinechat.localstack.whatsapp;

import static io.dinechat.localstack.whatsapp.LoopbackHttp.graphPost;
import static io.dinechat.localstack.whatsapp.LoopbackHttp.json;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.GUEST;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.SAFFRON_TOKEN;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.WABA_ID;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.buttonSend;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.expectedSignature;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.messagesUri;
import static io.dinechat.localstack.whatsapp.SimulatorFixtures.textSend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dinechat.localstack.whatsapp.RecordingGateway.ReceivedWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WhatsAppSimulatorWebhookTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingGateway gateway = new RecordingGateway();
    private WhatsAppSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new WhatsAppSimulator(SimulatorFixtures.config().sendStatusWebhooks(false).build()).start();
        simulator.setWebhookUrl(gateway.webhookUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
        gateway.close();
    }

    @Test
    void postsAGuestTextInMetasFormatSignedOverTheExactBytes() {
        WebhookDelivery delivery = simulator.sendGuestText(SAFFRON, GUEST, "Amira", "مرحبا، هل لديكم طاولة لأربعة؟");

        ReceivedWebhook received = gateway.next(WAIT);
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(received.body()).isEqualTo(delivery.payload());
        assertThat(received.signature()).isEqualTo(expectedSignature(received.body()));
        assertThat(received.contentType()).startsWith("application/json");

        JsonNode webhook = LoopbackHttp.JSON.readTree(received.body());
        assertThat(webhook.path("object").asString()).isEqualTo("whatsapp_business_account");
        JsonNode entry = webhook.path("entry").path(0);
        assertThat(entry.path("id").asString()).isEqualTo(WABA_ID);
        JsonNode change = entry.path("changes").path(0);
        assertThat(change.path("field").asString()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("phone_number_id").asString()).isEqualTo(SAFFRON);
        assertThat(value.path("metadata").path("display_phone_number").asString()).isEqualTo("97145550100");
        assertThat(value.path("contacts").path(0).path("profile").path("name").asString()).isEqualTo("Amira");
        assertThat(value.path("contacts").path(0).path("wa_id").asString()).isEqualTo(GUEST);
        JsonNode message = value.path("messages").path(0);
        assertThat(message.path("from").asString()).isEqualTo(GUEST);
        assertThat(message.path("id").asString()).isEqualTo(delivery.messageId()).startsWith("wamid.");
        assertThat(message.path("type").asString()).isEqualTo("text");
        assertThat(message.path("text").path("body").asString()).isEqualTo("مرحبا، هل لديكم طاولة لأربعة؟");
        assertThat(message.path("timestamp").isString()).isTrue();
        assertThat(Long.parseLong(message.path("timestamp").asString()))
                .isCloseTo(Instant.now().getEpochSecond(), within(60L));
    }

    @Test
    void redeliversTheIdenticalBytesAndReportsTheGatewaysAnswer() {
        gateway.respondWith(500);
        WebhookDelivery first = simulator.sendGuestText(SAFFRON, GUEST, "Amira", "Table for 2 at 8?");
        ReceivedWebhook firstReceived = gateway.next(WAIT);

        gateway.respondWith(200);
        WebhookDelivery again = simulator.redeliver(first);
        ReceivedWebhook againReceived = gateway.next(WAIT);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(againReceived.body()).isEqualTo(firstReceived.body()).isEqualTo(first.payload());
        assertThat(againReceived.signature()).isEqualTo(expectedSignature(againReceived.body()));
        assertThat(simulator.guestMessages()).hasSize(1);
    }

    @Test
    void sendsForgedOrMissingSignaturesAsGiven() {
        byte[] payload = simulator.sendGuestText(SAFFRON, GUEST, "Amira", "Hi").payload();
        gateway.next(WAIT);

        simulator.sendWithSignature(payload, "sha256=" + "0".repeat(64));
        assertThat(gateway.next(WAIT).signature()).isEqualTo("sha256=" + "0".repeat(64));

        simulator.sendWithSignature(payload, null);
        assertThat(gateway.next(WAIT).signature()).isNull();
    }

    @Test
    void aTappedButtonNamesTheMessageThatOfferedIt() {
        String offer = graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN,
                buttonSend(GUEST, "Book 8pm for 4?", "book-yes", "Yes", "book-no", "No")).body();
        String offeringWamid = LoopbackHttp.JSON.readTree(offer).path("messages").path(0).path("id").asString();

        simulator.sendGuestReply(SAFFRON, GUEST, "Amira", InteractiveReply.button("book-yes", "Yes"));

        JsonNode message = LoopbackHttp.JSON.readTree(gateway.next(WAIT).body())
                .path("entry").path(0).path("changes").path(0).path("value").path("messages").path(0);
        assertThat(message.path("type").asString()).isEqualTo("interactive");
        assertThat(message.path("interactive").path("type").asString()).isEqualTo("button_reply");
        assertThat(message.path("interactive").path("button_reply").path("id").asString()).isEqualTo("book-yes");
        assertThat(message.path("interactive").path("button_reply").path("title").asString()).isEqualTo("Yes");
        assertThat(message.path("context").path("id").asString()).isEqualTo(offeringWamid);
        assertThat(message.path("context").path("from").asString()).isEqualTo("97145550100");
    }

    @Test
    void aTappedListRowCarriesItsDescription() {
        simulator.sendGuestReply(SAFFRON, GUEST, "Amira", InteractiveReply.listRow("slot-20", "8:00 pm", "Terrace"));

        JsonNode reply = LoopbackHttp.JSON.readTree(gateway.next(WAIT).body()).path("entry").path(0).path("changes")
                .path(0).path("value").path("messages").path(0).path("interactive");
        assertThat(reply.path("type").asString()).isEqualTo("list_reply");
        assertThat(reply.path("list_reply").path("id").asString()).isEqualTo("slot-20");
        assertThat(reply.path("list_reply").path("description").asString()).isEqualTo("Terrace");
    }

    @Test
    void statusWebhooksFollowAnAcceptedSendWhenEnabled() {
        try (RecordingGateway statusGateway = new RecordingGateway();
             WhatsAppSimulator withStatuses = new WhatsAppSimulator(SimulatorFixtures.config()
                     .webhookUrl(statusGateway.webhookUrl()).build()).start()) {
            String response = graphPost(messagesUri(withStatuses, SAFFRON), SAFFRON_TOKEN, textSend(GUEST, "Booked!")).body();
            String wamid = LoopbackHttp.JSON.readTree(response).path("messages").path(0).path("id").asString();

            ReceivedWebhook sent = statusGateway.next(WAIT);
            ReceivedWebhook delivered = statusGateway.next(WAIT);

            assertThat(sent.signature()).isEqualTo(expectedSignature(sent.body()));
            assertThat(delivered.signature()).isEqualTo(expectedSignature(delivered.body()));
            JsonNode sentStatus = statusOf(sent);
            assertThat(sentStatus.path("id").asString()).isEqualTo(wamid);
            assertThat(sentStatus.path("status").asString()).isEqualTo("sent");
            assertThat(sentStatus.path("recipient_id").asString()).isEqualTo(GUEST);
            assertThat(sentStatus.path("timestamp").isString()).isTrue();
            assertThat(sentStatus.path("conversation").path("id").asString()).isNotBlank();
            assertThat(sentStatus.path("conversation").path("origin").path("type").asString()).isEqualTo("service");
            assertThat(sentStatus.path("pricing").path("pricing_model").asString()).isEqualTo("CBP");
            assertThat(sentStatus.path("pricing").path("category").asString()).isEqualTo("service");
            assertThat(sentStatus.path("pricing").path("billable").isBoolean()).isTrue();
            JsonNode deliveredStatus = statusOf(delivered);
            assertThat(deliveredStatus.path("id").asString()).isEqualTo(wamid);
            assertThat(deliveredStatus.path("status").asString()).isEqualTo("delivered");
            assertThat(deliveredStatus.path("conversation").path("id").asString())
                    .isEqualTo(sentStatus.path("conversation").path("id").asString());
        }
    }

    @Test
    void noStatusWebhooksWhenDisabled() {
        graphPost(messagesUri(simulator, SAFFRON), SAFFRON_TOKEN, textSend(GUEST, "Booked!"));
        simulator.sendGuestText(SAFFRON, GUEST, "Amira", "Thanks");
        simulator.sendGuestText(SAFFRON, GUEST, "Amira", "See you");

        // Status webhooks would be posted right after the send was answered, long before these two round trips end.
        assertThat(new String(gateway.next(WAIT).body(), StandardCharsets.UTF_8)).contains("Thanks");
        assertThat(new String(gateway.next(WAIT).body(), StandardCharsets.UTF_8)).contains("See you");
        assertThat(gateway.nothingElseReceived()).isTrue();
    }

    @Test
    void explainsWhenThereIsNowhereToDeliver() {
        try (WhatsAppSimulator withoutGateway = new WhatsAppSimulator(SimulatorFixtures.config().build()).start()) {
            assertThatThrownBy(() -> withoutGateway.sendGuestText(SAFFRON, GUEST, "Amira", "Hi"))
                    .isInstanceOf(WebhookDeliveryException.class)
                    .hasMessageContaining("setWebhookUrl");
        }
        assertThatThrownBy(() -> simulator.sendGuestText("404", GUEST, "Amira", "Hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown phone number id '404'");
    }

    private static JsonNode statusOf(ReceivedWebhook webhook) {
        JsonNode value = LoopbackHttp.JSON.readTree(webhook.body()).path("entry").path(0).path("changes").path(0).path("value");
        assertThat(value.path("metadata").path("phone_number_id").asString()).isEqualTo(SAFFRON);
        return value.path("statuses").path(0);
    }
}
