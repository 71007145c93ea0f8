package io.dinechat.conversation.whatsapp;

import io.dinechat.conversation.application.MediaSource;
import io.dinechat.conversation.application.WhatsAppSender;
import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.Media;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Template;
import io.dinechat.conversation.domain.OutboundContent.Text;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Meta's WhatsApp Cloud API, with the business's own access token:
 * {@code POST /{version}/{phone_number_id}/messages} for every kind of message, read receipts and
 * the typing indicator; {@code GET /{version}/{media_id}} then the returned short-lived URL for
 * media. Meta's error envelope becomes a {@link GraphApiException}.
 */
public class GraphApiClient implements WhatsAppSender, MediaSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient http;
    private final ConversationProperties.GraphApi settings;

    public GraphApiClient(WebClient.Builder builder, ConversationProperties.GraphApi settings) {
        // Media can be megabytes; the cap is enforced per download below, not by the codec's default.
        this.http = builder.baseUrl(settings.baseUrl().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024))
                .build();
        this.settings = settings;
    }

    @Override
    public Mono<String> send(String phoneNumberId, String accessToken, String to, OutboundContent content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", content.wireType());
        switch (content) {
            case Text t -> body.put("text", Map.of("preview_url", false, "body", t.body()));
            case ReplyButtons b -> body.put("interactive", Map.of(
                    "type", "button",
                    "body", Map.of("text", b.body()),
                    "action", Map.of("buttons", b.buttons().stream()
                            .map(button -> Map.of("type", "reply",
                                    "reply", Map.of("id", button.id(), "title", button.title())))
                            .toList())));
            case ListMenu l -> body.put("interactive", Map.of(
                    "type", "list",
                    "body", Map.of("text", l.body()),
                    "action", Map.of("button", l.buttonLabel(), "sections", l.sections().stream()
                            .map(s -> {
                                Map<String, Object> section = new LinkedHashMap<>();
                                if (s.title() != null) {
                                    section.put("title", s.title());
                                }
                                section.put("rows", s.rows().stream().map(r -> {
                                    Map<String, Object> row = new LinkedHashMap<>();
                                    row.put("id", r.id());
                                    row.put("title", r.title());
                                    if (r.description() != null) {
                                        row.put("description", r.description());
                                    }
                                    return row;
                                }).toList());
                                return section;
                            }).toList())));
            case Template t -> body.put("template", template(t));
        }
        return post(phoneNumberId, accessToken, body).flatMap(json -> {
            String id = json.path("messages").path(0).path("id").asString(null);
            return id == null ? Mono.error(new GraphApiException(200, 0, "response without a message id")) : Mono.just(id);
        });
    }

    private static Map<String, Object> template(Template t) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", t.name());
        template.put("language", Map.of("code", t.languageCode()));
        if (!t.parameters().isEmpty()) {
            template.put("components", List.of(Map.of("type", "body", "parameters",
                    t.parameters().stream().map(p -> Map.of("type", "text", "text", p)).toList())));
        }
        return template;
    }

    @Override
    public Mono<Void> markRead(String phoneNumberId, String accessToken, String inboundMessageId) {
        return post(phoneNumberId, accessToken, Map.of("messaging_product", "whatsapp", "status", "read",
                "message_id", inboundMessageId)).then();
    }

    @Override
    public Mono<Void> typing(String phoneNumberId, String accessToken, String inboundMessageId) {
        return post(phoneNumberId, accessToken, Map.of("messaging_product", "whatsapp", "status", "read",
                "message_id", inboundMessageId, "typing_indicator", Map.of("type", "text"))).then();
    }

    @Override
    public Mono<Media> download(String accessToken, String mediaId, long maxBytes) {
        return http.get()
                .uri("/{version}/{mediaId}", settings.version(), mediaId)
                .headers(h -> h.setBearerAuth(accessToken))
                .exchangeToMono(this::json)
                .timeout(settings.timeout())
                .flatMap(info -> {
                    String url = info.path("url").asString(null);
                    long declared = info.path("file_size").asLong(-1);
                    if (url == null) {
                        return Mono.error(new GraphApiException(200, 0, "media " + mediaId + " without a URL"));
                    }
                    if (declared > maxBytes) {
                        return Mono.error(new MediaTooLargeException(mediaId, declared, maxBytes));
                    }
                    return fetch(URI.create(url), accessToken, mediaId, maxBytes)
                            .map(bytes -> new Media(mediaId, info.path("mime_type").asString(null), bytes));
                });
    }

    /** The URL lives about five minutes and needs the same bearer token; stop reading past the cap. */
    private Mono<byte[]> fetch(URI url, String accessToken, String mediaId, long maxBytes) {
        return http.get().uri(url)
                .headers(h -> h.setBearerAuth(accessToken))
                .exchangeToMono(response -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.error(new GraphApiException(
                                response.statusCode().value(), 0, "media download refused")));
                    }
                    var out = new ByteArrayOutputStream();
                    return response.bodyToFlux(DataBuffer.class)
                            .concatMap(buffer -> {
                                try {
                                    if (out.size() + buffer.readableByteCount() > maxBytes) {
                                        return Mono.error(new MediaTooLargeException(mediaId, -1, maxBytes));
                                    }
                                    byte[] chunk = new byte[buffer.readableByteCount()];
                                    buffer.read(chunk);
                                    out.writeBytes(chunk);
                                    return Mono.empty();
                                } finally {
                                    DataBufferUtils.release(buffer);
                                }
                            })
                            .then(Mono.fromSupplier(out::toByteArray));
                })
                .timeout(settings.mediaTimeout());
    }

    private Mono<JsonNode> post(String phoneNumberId, String accessToken, Map<String, Object> body) {
        return http.post()
                .uri("/{version}/{phoneNumberId}/messages", settings.version(), phoneNumberId)
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(this::json)
                .timeout(settings.timeout());
    }

    private Mono<JsonNode> json(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        // Read bytes, not JsonNode: an error from a proxy may carry a wrong or missing content type.
        return response.bodyToMono(byte[].class)
                .map(bytes -> {
                    try {
                        return JSON.readTree(bytes);
                    } catch (RuntimeException notJson) {
                        return (JsonNode) JsonNodeFactory.instance.objectNode();
                    }
                })
                .defaultIfEmpty(JsonNodeFactory.instance.objectNode())
                .flatMap(json -> {
                    if (status.is2xxSuccessful()) {
                        return Mono.just(json);
                    }
                    JsonNode error = json.path("error");
                    return Mono.error(new GraphApiException(status.value(), error.path("code").asInt(0),
                            error.path("message").asString("HTTP " + status.value())));
                });
    }

    /** A guest's file bigger than we accept (a voice note of an hour, a video): not downloaded. */
    public static class MediaTooLargeException extends RuntimeException {
        MediaTooLargeException(String mediaId, long size, long max) {
            super("media " + mediaId + (size >= 0 ? " is " + size + " bytes" : " exceeds the cap") + ", over " + max);
        }
    }
}
