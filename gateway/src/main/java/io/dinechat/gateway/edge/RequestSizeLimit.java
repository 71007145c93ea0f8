package io.dinechat.gateway.edge;

import io.dinechat.gateway.config.GatewayProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized bodies with 413 before they reach a service: by Content-Length when given,
 * and by counting when the body is chunked. Counting passes the buffers on untouched, so webhook
 * bodies stay byte-exact.
 */
@Component
public class RequestSizeLimit implements WebFilter, Ordered {

    private final long apiLimit;
    private final long webhookLimit;

    public RequestSizeLimit(GatewayProperties properties) {
        this.apiLimit = properties.bodyLimits().api().toBytes();
        this.webhookLimit = properties.bodyLimits().webhook().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = exchange.getRequest().getPath().value().startsWith("/webhooks/") ? webhookLimit : apiLimit;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLarge.class, e -> tooLarge(exchange, limit));
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The request body is larger than " + limit + " bytes.");
    }

    @Override
    public int getOrder() {
        return SecurityHeaders.ORDER + 20;
    }

    /** Raised inside the body stream; answered as 413 when nothing was sent yet. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("request body too large", null, false, false);
        }
    }
}
