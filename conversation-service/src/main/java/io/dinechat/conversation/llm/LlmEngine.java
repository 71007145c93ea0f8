package io.dinechat.conversation.llm;

import io.dinechat.conversation.application.EngineRouter;
import io.dinechat.conversation.application.Understanders.Understood;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.Understanding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * The language-model engine: an OpenAI-compatible chat-completions endpoint (OpenRouter, OpenAI,
 * Groq, Ollama, vLLM) through Spring AI, with the assistant's tools. It runs the tool loop itself:
 * reading tools are answered from the catalog and the model goes on; an acting tool ends the turn
 * as a validated {@link Understanding} for the dialog policy. A plain-text answer is the model's
 * wording of an informational reply, kept only when the {@link GroundingGuard} finds every price and
 * dish in the catalog; otherwise the model is asked once more, then the templated answer is used.
 * Blocking (HTTP): the {@link EngineRouter} runs it off the event loop, with a time limit and a
 * circuit breaker, and falls back to the offline engine.
 */
public final class LlmEngine implements EngineRouter.ModelEngine {

    public static final String NAME = "llm";
    private static final Logger log = LoggerFactory.getLogger(LlmEngine.class);
    private static final int MAX_TOOL_ROUNDS = 4;

    private final ChatModel model;
    private final OpenAiChatOptions options;

    public LlmEngine(ChatModel model, OpenAiChatOptions options) {
        this.model = model;
        this.options = options;
    }

    /** An OpenAI-compatible endpoint, e.g. {@code https://openrouter.ai/api/v1} or {@code http://localhost:11434/v1}. */
    public static LlmEngine openAiCompatible(String baseUrl, String apiKey, String modelName, Duration timeout) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .model(modelName)
                .timeout(timeout)
                .maxRetries(0) // the router's time limit and circuit breaker decide; no hidden retries
                .temperature(0.2)
                .toolCallbacks(AssistantTools.callbacks())
                .build();
        return new LlmEngine(OpenAiChatModel.builder().options(options).build(), options);
    }

    @Override
    public Understood understand(TurnInput input, Understanding offline, String situation) {
        Language language = offline.language();
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(instructions(input, language, situation)));
        messages.add(new UserMessage(input.text()));
        int tokens = 0;
        boolean regenerated = false;
        for (int round = 0; round <= MAX_TOOL_ROUNDS; round++) {
            ChatResponse response = model.call(new Prompt(messages, options));
            tokens += tokens(response);
            AssistantMessage answer = response.getResult().getOutput();
            if (answer.hasToolCalls()) {
                List<ToolResponseMessage.ToolResponse> results = new ArrayList<>();
                for (AssistantMessage.ToolCall call : answer.getToolCalls()) {
                    if (!AssistantTools.READING.contains(call.name())) {
                        Optional<AssistantTools.Action> action = AssistantTools.act(call.name(), call.arguments(),
                                input.catalog());
                        if (action.isPresent()) {
                            return new Understood(new Understanding(language, action.get().intent(),
                                    action.get().slots(), 0.9, NAME), NAME, tokens, null);
                        }
                    }
                    results.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(),
                            AssistantTools.read(call.name(), call.arguments(), input.catalog(), input.today())));
                }
                messages.add(answer);
                messages.add(ToolResponseMessage.builder().responses(results).build());
                continue;
            }
            String text = answer.getText();
            GroundingGuard.Verdict verdict = GroundingGuard.check(text, input.catalog());
            if (verdict.grounded()) {
                return new Understood(informational(offline, language), NAME, tokens, text.strip());
            }
            log.info("Model wording refused by the grounding guard: {}", verdict.problems());
            if (regenerated) {
                break;
            }
            regenerated = true;
            messages.add(answer);
            messages.add(new UserMessage("(Restaurant system, not the guest:) your answer stated things that are not in "
                    + "the restaurant's data: " + String.join("; ", verdict.problems()) + ". Answer the guest again "
                    + "using only what the tools returned; call search_menu for prices."));
        }
        // The templated answer, built from the catalog, replaces the model's wording.
        return new Understood(informational(offline, language), NAME, tokens, null);
    }

    /** A plain-text turn: the intent the offline reading found, in the detected language. */
    private static Understanding informational(Understanding offline, Language language) {
        return new Understanding(language, offline.intent() == null ? Intent.OTHER : offline.intent(), offline.slots(),
                offline.confidence(), NAME);
    }

    private static String instructions(TurnInput input, Language language, String situation) {
        var catalog = input.catalog();
        return """
                You are the WhatsApp assistant of %s, a %s business. Today is %s (%s). The guest writes in %s: \
                answer in that language (Arabizi: Lebanese/Levantine Arabic in Latin letters with digits for sounds), \
                briefly, like a friendly host on WhatsApp.
                Rules: never invent dishes, prices, hours or policies: use search_menu, opening_hours and policies and \
                repeat their data exactly (prices in %s). To book, change or cancel a table, order food, check an \
                order, confirm or decline a summary, or reach a person, call the matching tool instead of answering: \
                the system asks for missing details and shows a summary the guest confirms; you never confirm a \
                booking or an order yourself.
                %s""".formatted(catalog.businessName(), "restaurant", input.today(), input.today().getDayOfWeek(),
                language.wireName(), catalog.currency(),
                situation == null ? "" : "Where the conversation stands: " + situation);
    }

    private static int tokens(ChatResponse response) {
        try {
            Integer total = response.getMetadata().getUsage().getTotalTokens();
            return total == null ? 0 : total;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
