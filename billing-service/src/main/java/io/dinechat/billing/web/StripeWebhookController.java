package io.dinechat.billing.web;

import io.dinechat.billing.application.StripeEventHandling;
import io.dinechat.billing.stripe.InvalidWebhookException;
import io.dinechat.billing.stripe.StripeNotice;
import io.dinechat.billing.stripe.StripeWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Stripe's webhook endpoint, reached through the gateway with the body untouched. The signature is
 * checked on the raw bytes before anything is read; a bad or stale one answers 400 and changes
 * nothing. Handled, replayed and unknown events all answer 200 (Stripe stops retrying); a failure
 * to handle answers 5xx so Stripe retries, and the event id is free again for that retry.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    static final String SIGNATURE_HEADER = "Stripe-Signature";
    /** Stripe's events are a few KiB; anything this large is not one. */
    private static final int MAX_BODY_BYTES = 512 * 1024;

    private final StripeWebhooks webhooks;
    private final StripeEventHandling handling;
    private final MeterRegistry meters;

    StripeWebhookController(StripeWebhooks webhooks, StripeEventHandling handling, MeterRegistry meters) {
        this.webhooks = webhooks;
        this.handling = handling;
        this.meters = meters;
    }

    @PostMapping("/webhooks/stripe")
    Mono<ResponseEntity<Object>> receive(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> handle(body, signature))
                .onErrorResume(DataBufferLimitException.class,
                        e -> Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE, "webhook body too large")));
    }

    private Mono<ResponseEntity<Object>> handle(byte[] body, String signature) {
        StripeNotice notice;
        try {
            notice = webhooks.verify(body, signature);
        } catch (InvalidWebhookException e) {
            count("rejected");
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "invalid Stripe webhook signature or payload"));
        }
        return handling.receive(notice)
                .map(outcome -> {
                    count(outcome.startsWith("replayed") ? "replayed" : "handled");
                    log.info("Stripe event {} ({}): {}", notice.eventId(), notice.type(), outcome);
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                            .<Object>body(Map.of("received", true));
                })
                .onErrorResume(failure -> {
                    count("failed");
                    log.warn("Stripe event {} ({}) failed, Stripe will retry: {}", notice.eventId(), notice.type(),
                            failure.toString());
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "event could not be handled; retry later"));
                });
    }

    private void count(String outcome) {
        meters.counter("dinechat.stripe.webhooks", "outcome", outcome).increment();
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
