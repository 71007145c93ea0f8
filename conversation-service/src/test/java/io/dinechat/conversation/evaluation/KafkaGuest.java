package io.dinechat.conversation.evaluation;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.TestProducer;
import io.dinechat.testing.dialogues.AssistantReply;
import io.dinechat.testing.dialogues.GuestChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guest's side inside conversation-service's tests: messages go onto {@code whatsapp.inbound.v1}
 * exactly as webhook-ingest publishes them (held to the schema), replies are what reached the Graph
 * API stand-in, and a voice note is a media file on that stand-in whose words the speech-to-text
 * stand-in (OpenAI wire format) returns for exactly those bytes.
 */
final class KafkaGuest implements GuestChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrap;
    private final String number;
    private final WireMockServer graphApi;
    private final WireMockServer speech;
    private final TestProducer producer;
    /** The media id of the last voice note sent, for tests that follow one download. */
    volatile String lastMediaId;

    KafkaGuest(String bootstrap, String number, WireMockServer graphApi, WireMockServer speech) {
        this.bootstrap = bootstrap;
        this.number = number;
        this.graphApi = graphApi;
        this.speech = speech;
        this.producer = new TestProducer(bootstrap);
    }

    @Override
    public String phoneNumberId() {
        return number;
    }

    @Override
    public void write(String waId, String name, String text) {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("text").put("body", text);
        send(waId, name, "text", text, null, null, content);
    }

    @Override
    public void tap(String waId, String name, AssistantReply.Choice choice, boolean list) {
        ObjectNode content = JSON.createObjectNode();
        String kind = list ? "list_reply" : "button_reply";
        content.putObject("interactive").put("type", kind).putObject(kind).put("id", choice.id())
                .put("title", choice.title());
        send(waId, name, "interactive", choice.title(), choice.id(), null, content);
    }

    @Override
    public void voice(String waId, String name, String transcript) {
        String mediaId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        lastMediaId = mediaId;
        byte[] audio = ("OggS voice note " + mediaId).getBytes(StandardCharsets.UTF_8);
        graphApi.stubFor(get(urlPathEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/media/%s","mime_type":"audio/ogg; codecs=opus",
                 "sha256":"x","file_size":%d,"id":"%s"}""".formatted(graphApi.baseUrl(), mediaId, audio.length, mediaId))));
        graphApi.stubFor(get(urlPathEqualTo("/media/" + mediaId)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/ogg").withBody(audio)));
        speech.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)))
                .willReturn(okJson(JSON.writeValueAsString(JSON.createObjectNode().put("text", transcript)))));
        ObjectNode content = JSON.createObjectNode();
        content.putObject("audio").put("id", mediaId).put("mime_type", "audio/ogg; codecs=opus").put("voice", true);
        send(waId, name, "audio", null, null, mediaId, content);
    }

    @Override
    public void location(String waId, String name, double latitude, double longitude, String placeName,
            String address) {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("location").put("latitude", latitude).put("longitude", longitude).put("name", placeName)
                .put("address", address);
        send(waId, name, "location", placeName + ", " + address, null, null, content);
    }

    private void send(String waId, String name, String type, String text, String replyId, String mediaId,
            ObjectNode content) {
        String wamid = "wamid." + UUID.randomUUID();
        ObjectNode message = JSON.createObjectNode();
        message.put("from", waId).put("id", wamid).put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .put("type", type);
        message.setAll(content);
        ObjectNode event = JSON.createObjectNode();
        event.put("conversationKey", number + ":" + waId).put("wabaId", "2000").put("phoneNumberId", number)
                .put("displayPhoneNumber", "+961 1 555 077").put("waId", waId).put("contactName", name)
                .put("messageId", wamid).put("sentAt", Instant.now().toString()).put("type", type);
        if (text == null) {
            event.putNull("text");
        } else {
            event.put("text", text);
        }
        if (replyId != null) {
            event.put("replyId", replyId);
        }
        if (mediaId != null) {
            event.put("mediaId", mediaId);
        }
        event.set("message", message);
        byte[] body = JSON.writeValueAsBytes(event);
        EventContract.assertValid("io.dinechat.whatsapp.message.received", body);
        synchronized (producer) {
            producer.send("whatsapp.inbound.v1", number + ":" + waId, UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.message.received", null, new String(body, StandardCharsets.UTF_8));
        }
    }

    @Override
    public List<AssistantReply> repliesTo(String waId) {
        return graphApi.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + number + "/messages"))
                        .withRequestBody(containing("\"to\":\"" + waId + "\"")))
                .stream().map(r -> AssistantReply.fromGraphApiRequest(r.getBodyAsString()))
                .filter(Objects::nonNull).toList();
    }

    @Override
    public boolean transcribes() {
        return speech != null;
    }

    String bootstrap() {
        return bootstrap;
    }

    void close() {
        producer.close();
    }
}
