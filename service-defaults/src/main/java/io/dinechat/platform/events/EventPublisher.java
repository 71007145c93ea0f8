package io.dinechat.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Publishes events and completes only once the broker has acknowledged them (the producer runs
 * with {@code acks=all} and idempotence, see {@code PlatformDefaults}). Sending may block for up
 * to {@code max.block.ms} while the producer fetches metadata from a broker that is down, so it
 * runs on boundedElastic: no event-loop thread ever waits on Kafka.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Tracer tracer;
    private final Propagator propagator;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this(kafka, null, null);
    }

    /**
     * With a tracer, each record carries the current trace ({@code traceparent}), so the consumer's
     * span continues the producer's trace. This replaces the template's own observation, which asks
     * an admin client for the cluster id on its first send and would block there while Kafka is down.
     */
    public EventPublisher(KafkaTemplate<String, byte[]> kafka, Tracer tracer, Propagator propagator) {
        this.kafka = kafka;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public Mono<RecordMetadata> publish(String topic, EventEnvelope event) {
        TraceContext assembled = currentTrace();
        return Mono.deferContextual(caller -> {
            TraceContext trace = assembled != null ? assembled : traceOf(caller);
            return Mono.fromFuture(() -> send(topic, event, trace));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Sends every event, in order, and completes when all are acknowledged. Records of one key go
     * to one partition, and the idempotent producer keeps their order even across retries.
     */
    public Mono<Void> publishAll(String topic, List<EventEnvelope> events) {
        TraceContext assembled = currentTrace();
        return Mono.deferContextual(caller -> {
            TraceContext trace = assembled != null ? assembled : traceOf(caller);
            CompletableFuture<?>[] sends = events.stream().map(e -> send(topic, e, trace)).toArray(CompletableFuture[]::new);
            return Mono.fromFuture(CompletableFuture.allOf(sends));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private CompletableFuture<RecordMetadata> send(String topic, EventEnvelope event, TraceContext trace) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), event.json());
        CloudEventHeaders.write(event, record.headers());
        if (trace != null) {
            propagator.inject(trace, record.headers(),
                    (carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return kafka.send(record).thenApply(result -> result.getRecordMetadata());
    }

    /**
     * The caller's trace when the publish is assembled (the span on the caller's thread), else the
     * observation that WebFlux or a listener put in the Reactor context: the send itself runs on
     * another thread.
     */
    private TraceContext currentTrace() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span current = tracer.currentSpan();
        return current == null ? null : current.context();
    }

    private TraceContext traceOf(ContextView caller) {
        TraceContext current = currentTrace();
        if (current != null || tracer == null || propagator == null) {
            return current;
        }
        Observation observation = caller.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation != null) {
            TracingObservationHandler.TracingContext tracing =
                    observation.getContext().get(TracingObservationHandler.TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                return tracing.getSpan().context();
            }
        }
        return null;
    }
}
