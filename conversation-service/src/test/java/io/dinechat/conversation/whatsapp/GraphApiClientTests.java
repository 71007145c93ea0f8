package io.dinechat.conversation.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.Button;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Row;
import io.dinechat.conversation.domain.OutboundContent.Section;
import io.dinechat.conversation.domain.OutboundContent.Template;
import io.dinechat.conversation.domain.OutboundContent.Text;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The Graph API client against a local server speaking Meta's wire format: requests as Meta documents them. */
class GraphApiClientTests {

    static final String NUMBER = "106540352242922";
    static final String TOKEN = "EAAG-business-token";
    static final WireMockServer meta = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static GraphApiClient client;

    @BeforeAll
    static void start() {
        meta.start();
        client = new GraphApiClient(WebClient.builder(), new ConversationProperties.GraphApi(URI.create(meta.baseUrl()),
                "v23.0", Duration.ofSeconds(5), Duration.ofSeconds(5), 1000));
    }

    @AfterAll
    static void stop() {
        meta.stop();
    }

    @BeforeEach
    void accepted() {
        meta.resetAll();
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"96170123456\",\"wa_id\":\"96170123456\"}],"
                        + "\"messages\":[{\"id\":\"wamid.HBgLOTYxNzAxMjM0NTYVAgARGBI=\"}]}")));
    }

    @Test
    void aTextIsSentAsMetaDocumentsItWithTheBusinessToken() {
        String wamid = client.send(NUMBER, TOKEN, "96170123456", new Text("Table for 4 at 20:00 is booked.")).block();

        assertThat(wamid).isEqualTo("wamid.HBgLOTYxNzAxMjM0NTYVAgARGBI=");
        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"96170123456","type":"text",
                         "text":{"preview_url":false,"body":"Table for 4 at 20:00 is booked."}}""")));
    }

    @Test
    void replyButtonsBecomeAnInteractiveButtonMessage() {
        client.send(NUMBER, TOKEN, "96170123456", new ReplyButtons("Confirm your booking?", List.of(
                new Button("reservation:confirm:R-7K3P", "Confirm"), new Button("reservation:cancel:R-7K3P", "Cancel"))))
                .block();

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"96170123456","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"Confirm your booking?"},
                   "action":{"buttons":[{"type":"reply","reply":{"id":"reservation:confirm:R-7K3P","title":"Confirm"}},
                                        {"type":"reply","reply":{"id":"reservation:cancel:R-7K3P","title":"Cancel"}}]}}}""")));
    }

    @Test
    void aListMenuBecomesAnInteractiveListWithSectionsAndRows() {
        client.send(NUMBER, TOKEN, "96170123456", new ListMenu("Which branch?", "Branches", List.of(
                new Section("Beirut", List.of(new Row("branch:1", "Hamra", "Open until 23:00"),
                        new Row("branch:2", "Achrafieh", null))))))
                .block();

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"96170123456","type":"interactive",
                 "interactive":{"type":"list","body":{"text":"Which branch?"},
                   "action":{"button":"Branches","sections":[{"title":"Beirut","rows":[
                       {"id":"branch:1","title":"Hamra","description":"Open until 23:00"},
                       {"id":"branch:2","title":"Achrafieh"}]}]}}}""")));
    }

    @Test
    void aTemplateCarriesItsLanguageAndBodyParameters() {
        client.send(NUMBER, TOKEN, "96170123456", new Template("reservation_reminder", "en_US",
                List.of("Lina", "20:00"))).block();

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"96170123456","type":"template",
                 "template":{"name":"reservation_reminder","language":{"code":"en_US"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"Lina"},{"type":"text","text":"20:00"}]}]}}""")));
    }

    @Test
    void readReceiptsAndTheTypingIndicatorPointAtTheGuestsMessage() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).willReturn(okJson("{\"success\":true}")));

        client.markRead(NUMBER, TOKEN, "wamid.guest1").block();
        client.typing(NUMBER, TOKEN, "wamid.guest2").block();

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.guest1\"}")));
        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.guest2\","
                        + "\"typing_indicator\":{\"type\":\"text\"}}")));
    }

    @Test
    void metasErrorEnvelopeTellsTransientFromPermanent() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                          "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed"},
                          "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));

        assertThatThrownBy(() -> client.send(NUMBER, TOKEN, "96170123456", new Text("hi")).block())
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.reEngagementRequired()).isTrue();
                    assertThat(e.isTransient()).isFalse();
                });

        meta.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}")));
        assertThatThrownBy(() -> client.send(NUMBER, TOKEN, "96170123456", new Text("hi")).block())
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.isTransient()).isTrue());

        meta.stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/messages"))
                .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        assertThatThrownBy(() -> client.send(NUMBER, TOKEN, "96170123456", new Text("hi")).block())
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void aVoiceNoteIsDownloadedThroughItsShortLivedUrlWithTheToken() {
        byte[] ogg = new byte[700];
        Arrays.fill(ogg, (byte) 7);
        meta.stubFor(get(urlPathEqualTo("/v23.0/1037543291543636")).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/whatsapp_business/attachments/?mid=1037543291543636&ext=1",
                 "mime_type":"audio/ogg","sha256":"x","file_size":700,"id":"1037543291543636"}""".formatted(meta.baseUrl()))));
        meta.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/ogg").withBody(ogg)));

        var media = client.download(TOKEN, "1037543291543636", 1000).block();

        assertThat(media.mimeType()).isEqualTo("audio/ogg");
        assertThat(media.bytes()).isEqualTo(ogg);
        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/1037543291543636"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void mediaOverTheCapIsRefusedWhetherDeclaredOrNot() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/big")).willReturn(okJson("""
                {"url":"%s/att/big","mime_type":"audio/ogg","file_size":5000,"id":"big"}""".formatted(meta.baseUrl()))));
        assertThatThrownBy(() -> client.download(TOKEN, "big", 1000).block())
                .isInstanceOf(GraphApiClient.MediaTooLargeException.class);

        // Meta's declared size can be absent or wrong: the bytes themselves are counted too.
        meta.stubFor(get(urlPathEqualTo("/v23.0/liar")).willReturn(okJson("""
                {"url":"%s/att/liar","mime_type":"audio/ogg","id":"liar"}""".formatted(meta.baseUrl()))));
        meta.stubFor(get(urlPathEqualTo("/att/liar")).willReturn(aResponse().withStatus(200).withBody(new byte[5000])));
        assertThatThrownBy(() -> client.download(TOKEN, "liar", 1000).block())
                .isInstanceOf(GraphApiClient.MediaTooLargeException.class);
        assertThat(meta.findAll(getRequestedFor(urlPathEqualTo("/att/big")))).isEmpty();
    }

    @Test
    void contentOutsideMetasLimitsIsRefusedWhenBuilt() {
        var four = List.of(new Button("a", "A"), new Button("b", "B"), new Button("c", "C"), new Button("d", "D"));
        assertThatThrownBy(() -> new ReplyButtons("pick", four)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Button("x", "a title longer than twenty")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Template("t", "fr", null).needsOpenWindow()).isFalse();
        assertThat((OutboundContent) new Text("x")).matches(OutboundContent::needsOpenWindow);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
