package io.dinechat.conversation.application;

import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.Understanding;
import reactor.core.publisher.Mono;

/**
 * Chooses the engine for a business and falls back to the offline engine when the model fails, is
 * too slow or its circuit is open. Both engines give the same validated {@link Understanding}.
 */
public interface Understanders {

    /** @param engine the business's choice (offline, llm) or null for the service default */
    default Mono<Understood> understand(String engine, TurnInput input) {
        return understand(engine, input, null);
    }

    /**
     * @param situation where the dialog stands (what the guest was last asked, a summary awaiting
     *                  confirmation), for a model that reads the turn in context; null when idle
     */
    Mono<Understood> understand(String engine, TurnInput input, String situation);

    /**
     * What the engine made of the turn, which engine it really was, the tokens a model used, and the
     * model's own grounded wording of an answer (null: the templated wording is used).
     */
    record Understood(Understanding understanding, String engine, Integer tokens, String reply) {

        public Understood(Understanding understanding, String engine, Integer tokens) {
            this(understanding, engine, tokens, null);
        }
    }
}
