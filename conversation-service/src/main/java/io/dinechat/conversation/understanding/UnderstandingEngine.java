package io.dinechat.conversation.understanding;

/**
 * The port both engines sit behind: the offline {@link OfflineEngine} and the language-model engine,
 * chosen per tenant. Implementations never throw for odd input; unknown text is {@link Intent#OTHER}.
 */
public interface UnderstandingEngine {

    Understanding understand(TurnInput input);
}
