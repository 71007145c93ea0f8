package io.dinechat.ingest.web;

import io.dinechat.ingest.config.IngestProperties;
import io.dinechat.ingest.domain.MalformedWebhookException;
import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.ingest.messaging.WebhookPublisher;
import io.dinechat.ingest.meta.WebhookPayloadSplitter;
import io.dinechat.ingest.meta.WebhookSignature;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Meta's webhook endpoint. The POST answers 200 only once every record of the body is acknowledged
 * by Kafka; any failure to publish answers 503 within the ack timeout so Meta retries (and the
 * consumers deduplicate what a partial attempt had already published).
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final IngestProperties properties;
    private final WebhookSignature signature;
    private final WebhookPayloadSplitter splitter;
    private final WebhookPublisher publisher;
    private final WebhookMetrics meters;

    WhatsAppWebhookController(IngestProperties properties, WebhookPayloadSplitter splitter, WebhookPublisher publisher,
            WebhookMetrics meters) {
        this.properties = properties;
        this.signature = new WebhookSignature(properties.appSecret());
        this.splitter = splitter;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** Meta's subscription handshake: echo the challenge when the verify token matches. */
    @GetMapping
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if ("subscribe".equals(mode) && challenge != null && token != null
                && java.security.MessageDigest.isEqual(token.getBytes(), properties.verifyToken().getBytes())) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("verification failed");
    }

    @PostMapping
    Mono<ResponseEntity<Object>> receive(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signed,
            ServerHttpRequest request) {
        meters.received();
        long limit = properties.maxBodySize().toBytes();
        if (request.getHeaders().getContentLength() > limit) {
            meters.rejected("too_large");
            return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE, "webhook body over " + limit + " bytes"));
        }
        return DataBufferUtils.join(request.getBody(), (int) limit)
                .map(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> handle(body, signed))
                .onErrorResume(DataBufferLimitException.class, e -> {
                    meters.rejected("too_large");
                    return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE, "webhook body over " + limit + " bytes"));
                });
    }

    private Mono<ResponseEntity<Object>> handle(byte[] body, String signed) {
        if (!signature.verifies(body, signed)) {
            meters.rejected("signature");
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, "missing or invalid " + SIGNATURE_HEADER));
        }
        List<WebhookRecord> records;
        try {
            records = splitter.split(body);
        } catch (MalformedWebhookException e) {
            log.warn("Quarantining a signed webhook we cannot read: {}", e.getMessage());
            return publisher.quarantine(body, e.getMessage())
                    .timeout(properties.ackTimeout())
                    .then(Mono.fromRunnable(meters::quarantined))
                    .thenReturn(ResponseEntity.ok().build())
                    .onErrorResume(failure -> Mono.just(unavailable(failure)));
        }
        long started = System.nanoTime();
        return publisher.publish(records)
                .timeout(properties.ackTimeout())
                .then(Mono.fromSupplier(() -> {
                    meters.published(records, Duration.ofNanos(System.nanoTime() - started));
                    return ResponseEntity.ok().build();
                }))
                .onErrorResume(failure -> Mono.just(unavailable(failure)));
    }

    private ResponseEntity<Object> unavailable(Throwable failure) {
        meters.rejected("kafka_unavailable");
        String reason = failure instanceof TimeoutException ? "Kafka did not acknowledge in time" : failure.toString();
        log.warn("Answering 503 so Meta retries: {}", reason);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "events could not be stored; retry later");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
