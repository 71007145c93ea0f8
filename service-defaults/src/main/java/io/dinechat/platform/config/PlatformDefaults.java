package io.dinechat.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults every service runs with unless its configuration says otherwise: Kafka that never
 * loses an acknowledged record and carries plain bytes, actuator probes and Prometheus, graceful
 * shutdown, tracing across HTTP and Kafka (exported over OTLP when {@code DINECHAT_OTLP_TRACES_ENDPOINT}
 * is set), and the JSON log switch ({@code DINECHAT_LOG_FORMAT=json}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.bootstrap-servers", "${DINECHAT_KAFKA_BOOTSTRAP_SERVERS:localhost:9092}");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.producer.properties.linger.ms", "2");
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        d.put("spring.kafka.consumer.isolation-level", "read_committed");
        d.put("spring.kafka.listener.ack-mode", "record");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "never");
        d.put("management.metrics.tags.service", "${spring.application.name}");
        // Histogram buckets, so dashboards and alerts can take p50/p99 of HTTP answers across replicas.
        d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        d.put("management.metrics.distribution.percentiles-histogram.http.client.requests", "true");
        d.put("server.shutdown", "graceful");
        d.put("spring.webflux.problemdetails.enabled", "true");
        d.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        // One trace per guest message: W3C traceparent continues across HTTP (server, WebClient,
        // gateway) and Kafka (record headers); Reactor carries it between threads.
        // Producers: EventPublisher writes traceparent itself (the template's observation would look up
        // the cluster id on its first send, blocking while Kafka is down). Consumers: listener spans.
        d.put("spring.kafka.listener.observation-enabled", "true");
        // Admin clients back off between reconnects instead of re-bootstrapping in a tight loop when
        // Kafka is down. (Their operation timeout stays Kafka's 30 s: topic declarations at a busy
        // start, all services at once, can take longer than a few seconds.)
        d.put("spring.kafka.admin.properties.reconnect.backoff.ms", "250");
        d.put("spring.kafka.admin.properties.reconnect.backoff.max.ms", "2000");
        d.put("spring.kafka.admin.properties.retry.backoff.ms", "250");
        d.put("spring.reactor.context-propagation", "auto");
        d.put("management.tracing.propagation.type", "w3c");
        d.put("management.tracing.sampling.probability", "${DINECHAT_TRACING_SAMPLE_RATE:1.0}");
        // Metrics are scraped from /actuator/prometheus; the OpenTelemetry starter would also push
        // them over OTLP to localhost every minute.
        d.put("management.otlp.metrics.export.enabled", "false");
        String otlp = environment.getProperty("DINECHAT_OTLP_TRACES_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            d.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp);
        }
        // Without an endpoint no exporter is created, but tracing export must stay "enabled":
        // Boot ties W3C propagation to it, and ids must flow (and reach the logs) either way.
        if ("json".equalsIgnoreCase(environment.getProperty("DINECHAT_LOG_FORMAT"))) {
            d.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("dinechatPlatformDefaults", d));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
