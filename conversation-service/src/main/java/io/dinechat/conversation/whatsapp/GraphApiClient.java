package io.dinechat.conversation.whatsapp;

import io.dinechat.conversation.application.WhatsAppSender;
import io.dinechat.conversation.config.ConversationProperties;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Sends messages through Meta's WhatsApp Cloud API: {@code POST /{version}/{phone_number_id}/messages}
 * with the business's own access token. Meta's error envelope becomes a {@link GraphApiException}.
 */
public class GraphApiClient implements WhatsAppSender {

    private final WebClient http;
    private final ConversationProperties.GraphApi settings;

    public GraphApiClient(WebClient.Builder builder, ConversationProperties.GraphApi settings) {
        this.http = builder.baseUrl(settings.baseUrl().toString()).build();
        this.settings = settings;
    }

    @Override
    public Mono<String> sendText(String phoneNumberId, String accessToken, String to, String text) {
        Map<String, Object> body = Map.of(
                "messaging_product", "whatsapp",
                "recipient_type", "individual",
                "to", to,
                "type", "text",
                "text", Map.of("preview_url", false, "body", text));
        return http.post()
                .uri("/{version}/{phoneNumberId}/messages", settings.version(), phoneNumberId)
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(this::messageId)
                .timeout(settings.timeout());
    }

    private Mono<String> messageId(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(JsonNode.class)
                .defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                .flatMap(json -> {
                    if (status.is2xxSuccessful()) {
                        String id = json.path("messages").path(0).path("id").asString(null);
                        return id == null
                                ? Mono.error(new GraphApiException(status.value(), 0, "response without a message id"))
                                : Mono.just(id);
                    }
                    JsonNode error = json.path("error");
                    return Mono.error(new GraphApiException(status.value(), error.path("code").asInt(0),
                            error.path("message").asString("HTTP " + status.value())));
                });
    }
}
