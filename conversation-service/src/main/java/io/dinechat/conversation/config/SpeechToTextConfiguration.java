package io.dinechat.conversation.config;

import io.dinechat.conversation.speech.OpenAiTranscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A transcriber exists only when {@code DINECHAT_STT_BASE_URL} is set; without one the turn pipeline
 * asks the guest, in their language, to type instead of sending a voice note.
 */
@Configuration(proxyBeanMethods = false)
class SpeechToTextConfiguration {

    @Bean
    @ConditionalOnExpression("'${dinechat.assistant.speech-to-text.base-url:}' != ''")
    OpenAiTranscriptions speechToText(WebClient.Builder http, AssistantProperties properties) {
        var stt = properties.speechToText();
        return new OpenAiTranscriptions(http, stt.baseUrl(), stt.apiKey(), stt.model(), stt.timeout());
    }
}
