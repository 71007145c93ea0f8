package io.dinechat.conversation.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assistant's settings; every production value has an environment variable in application.yml.
 *
 * @param coalescingWindow messages arriving within this window form one turn (0 = answer each at once)
 * @param coalescingCap    a burst is answered at most this long after its first message
 * @param reengageAfter    an escalation nobody answered within this time hands the guest back to the assistant
 * @param engine           the default engine for businesses without their own choice: offline or llm
 * @param retention        messages older than this are purged
 */
@ConfigurationProperties("dinechat.assistant")
public record AssistantProperties(@DefaultValue("2s") Duration coalescingWindow, @DefaultValue("3s") Duration coalescingCap,
        @DefaultValue("30m") Duration reengageAfter, @DefaultValue("offline") String engine,
        @DefaultValue("60d") Duration retention, @DefaultValue Llm llm, @DefaultValue SpeechToText speechToText,
        @DefaultValue("200ms") Duration timerInterval) {

    public AssistantProperties {
        if (coalescingCap.compareTo(coalescingWindow) < 0) {
            coalescingCap = coalescingWindow;
        }
    }

    /**
     * An OpenAI-compatible chat-completions endpoint (OpenRouter, OpenAI, Groq, Ollama, vLLM).
     * Unset base URL = no model: the offline engine answers.
     */
    public record Llm(URI baseUrl, String apiKey, @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("6s") Duration timeout, @DefaultValue("3") int failuresBeforeOpen,
            @DefaultValue("30s") Duration openFor) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.toString().isBlank();
        }
    }

    /** An OpenAI-compatible {@code /audio/transcriptions} endpoint (Groq Whisper, OpenAI); unset = ask guests to type. */
    public record SpeechToText(URI baseUrl, String apiKey, @DefaultValue("whisper-large-v3") String model,
            @DefaultValue("15s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.toString().isBlank();
        }
    }
}
