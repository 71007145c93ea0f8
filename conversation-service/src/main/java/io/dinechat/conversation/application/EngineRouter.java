package io.dinechat.conversation.application;

import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.Understanding;
import io.dinechat.conversation.understanding.UnderstandingEngine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The offline engine by default; the language model for businesses that chose it, behind a circuit
 * breaker and a time limit, with the offline engine as the fallback whenever the model fails, is
 * slow, or its circuit is open.
 */
public class EngineRouter implements Understanders {

    private static final Logger log = LoggerFactory.getLogger(EngineRouter.class);

    private final UnderstandingEngine offline;
    private final ModelEngine model;
    private final String defaultEngine;
    private final Duration timeout;
    private final CircuitBreaker circuit;

    /** @param model null when no model is configured */
    public EngineRouter(UnderstandingEngine offline, ModelEngine model, String defaultEngine, Duration timeout,
            CircuitBreaker circuit) {
        this.offline = offline;
        this.model = model;
        this.defaultEngine = defaultEngine;
        this.timeout = timeout;
        this.circuit = circuit;
    }

    /**
     * Chat needs a strict breaker (resilience4j's defaults wait for 100 calls and call 60 s slow): a
     * few failures or slow calls open it, and it probes the model again soon.
     */
    public static CircuitBreaker strictCircuit(int failuresBeforeOpen, Duration slowCall, Duration openFor) {
        return CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(2, failuresBeforeOpen * 2))
                .minimumNumberOfCalls(failuresBeforeOpen)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(slowCall)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /**
     * A model-backed engine; blocking (it calls the model over HTTP), run off the event loop. It gets
     * the offline engine's reading of the same turn (language detection, a fallback intent).
     */
    public interface ModelEngine {
        Understood understand(TurnInput input, Understanding offline, String situation);
    }

    @Override
    public Mono<Understood> understand(String engine, TurnInput input, String situation) {
        String choice = engine != null ? engine : defaultEngine;
        if (!"llm".equals(choice) || model == null) {
            return offline(input);
        }
        return Mono.fromCallable(() -> model.understand(input, offline.understand(input), situation))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(circuit))
                .onErrorResume(failure -> {
                    log.warn("Model unavailable ({}); the offline engine answers this turn",
                            failure instanceof CallNotPermittedException ? "circuit open" : failure.toString());
                    return offline(input);
                });
    }

    private Mono<Understood> offline(TurnInput input) {
        return Mono.fromSupplier(() -> {
            var understanding = offline.understand(input);
            return new Understood(understanding, "offline", null);
        });
    }
}
