package io.dinechat.conversation.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The transcription client against a local server speaking OpenAI's (and Groq's) wire format. */
class OpenAiTranscriptionsTests {

    static final WireMockServer groq = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String KEY = "gsk_test_key_never_logged";
    OpenAiTranscriptions transcriber;

    @BeforeAll
    static void start() {
        groq.start();
    }

    @AfterAll
    static void stop() {
        groq.stop();
    }

    @BeforeEach
    void reset() {
        groq.resetAll();
        transcriber = new OpenAiTranscriptions(WebClient.builder(), URI.create(groq.baseUrl() + "/openai/v1/"), KEY,
                "whisper-large-v3", Duration.ofSeconds(2));
    }

    @Test
    void aVoiceNoteIsPostedAsAMultipartFileWithTheModelAndItsTextComesBack() {
        byte[] ogg = new byte[4096];
        Arrays.fill(ogg, (byte) 0x4f);
        groq.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\" bukra 3al 8 la 4 ashkhas \",\"x_groq\":{\"id\":\"req_1\"}}")));

        String text = transcriber.transcribe(ogg, "audio/ogg; codecs=opus").block(Duration.ofSeconds(5));

        assertThat(text).isEqualTo("bukra 3al 8 la 4 ashkhas");
        groq.verify(postRequestedFor(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"voice-note.ogg\""))
                        .withHeader("Content-Type", equalTo("audio/ogg"))
                        .withBody(binaryEqualTo(ogg)).build())
                .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("whisper-large-v3")).build())
                .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("json")).build()));
    }

    @Test
    void anEmptyTranscriptIsEmptyText() {
        groq.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions")).willReturn(okJson("{\"text\":\"\"}")));

        assertThat(transcriber.transcribe(new byte[] {1, 2, 3}, null).block(Duration.ofSeconds(5))).isEmpty();
        groq.verify(postRequestedFor(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Type", equalTo("audio/ogg")).build()));
    }

    @Test
    void aRefusalBecomesAnErrorThatKeepsOnlyTheStatusNeverTheKeyOrBody() {
        groq.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid API Key " + KEY + "\",\"type\":\"invalid_request_error\"}}")));

        assertThatThrownBy(() -> transcriber.transcribe(new byte[] {1}, "audio/ogg").block(Duration.ofSeconds(5)))
                .isInstanceOf(OpenAiTranscriptions.TranscriptionFailed.class)
                .hasMessage("speech-to-text answered HTTP 401")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAnError() {
        groq.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\":\"late\"}").withFixedDelay(3000)));

        assertThatThrownBy(() -> transcriber.transcribe(new byte[] {1}, "audio/ogg").block(Duration.ofSeconds(10)))
                .hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    }
}
