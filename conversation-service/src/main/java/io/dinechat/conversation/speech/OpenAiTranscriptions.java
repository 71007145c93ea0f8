package io.dinechat.conversation.speech;

import io.dinechat.conversation.application.SpeechToText;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Speech-to-text through an OpenAI-compatible {@code POST {base}/audio/transcriptions} (Groq Whisper,
 * OpenAI, a local faster-whisper server): a multipart form with the audio as {@code file} and the
 * {@code model}, answered by {@code {"text": "..."}}. The audio is streamed from memory and never
 * written anywhere; the API key is only ever put in the Authorization header.
 */
public class OpenAiTranscriptions implements SpeechToText {

    private final WebClient http;
    private final String model;
    private final Duration timeout;

    public OpenAiTranscriptions(WebClient.Builder builder, URI baseUrl, String apiKey, String model, Duration timeout) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.http = builder.clone().baseUrl(base)
                .defaultHeaders(h -> {
                    if (apiKey != null && !apiKey.isBlank()) {
                        h.setBearerAuth(apiKey);
                    }
                })
                .build();
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public Mono<String> transcribe(byte[] audio, String mimeType) {
        MediaType type = mediaType(mimeType);
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(audio) {
            @Override
            public String getFilename() {
                return "voice-note." + extension(type); // the server picks the decoder by file name
            }
        }).contentType(type);
        form.part("model", model);
        form.part("response_format", "json");
        return http.post().uri("/audio/transcriptions")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(JsonNode.class)
                        : response.releaseBody().then(Mono.error(new TranscriptionFailed(response.statusCode().value()))))
                .timeout(timeout)
                .map(body -> body.path("text").asString("").strip());
    }

    /** WhatsApp voice notes are {@code audio/ogg; codecs=opus}; the parameters mean nothing to the server. */
    private static MediaType mediaType(String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            return MediaType.parseMediaType("audio/ogg");
        }
        try {
            MediaType parsed = MediaType.parseMediaType(mimeType);
            return new MediaType(parsed.getType(), parsed.getSubtype());
        } catch (IllegalArgumentException e) {
            return MediaType.parseMediaType("audio/ogg");
        }
    }

    private static String extension(MediaType type) {
        return switch (type.getSubtype().toLowerCase(Locale.ROOT)) {
            case "mpeg", "mp3" -> "mp3";
            case "mp4", "m4a", "x-m4a" -> "m4a";
            case "aac" -> "aac";
            case "amr" -> "amr";
            case "wav", "x-wav" -> "wav";
            case "webm" -> "webm";
            default -> "ogg";
        };
    }

    /** The transcription endpoint refused or failed; only the status is kept (bodies may echo the key). */
    public static final class TranscriptionFailed extends RuntimeException {
        public TranscriptionFailed(int status) {
            super("speech-to-text answered HTTP " + status);
        }
    }
}
