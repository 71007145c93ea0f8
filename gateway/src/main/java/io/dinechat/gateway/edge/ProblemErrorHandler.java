package io.dinechat.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on any error no controller answered (no route, unreadable request, a bug): a
 * problem+json with the status and a plain sentence. Stack traces and exception messages stay in
 * the log, never in the answer.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = error instanceof ResponseStatusException rse ? rse.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (known.is5xxServerError()) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        String detail = switch (known) {
            case NOT_FOUND -> "Nothing here.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case NOT_ACCEPTABLE -> "No acceptable representation.";
            case BAD_REQUEST -> "The request is not readable.";
            case GATEWAY_TIMEOUT -> "The service took too long to answer; please retry.";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY -> "A service is unavailable right now; please retry shortly.";
            default -> known.is5xxServerError() ? "Something went wrong on our side." : known.getReasonPhrase();
        };
        String slug = known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problems.write(exchange, known, slug, detail);
    }
}
