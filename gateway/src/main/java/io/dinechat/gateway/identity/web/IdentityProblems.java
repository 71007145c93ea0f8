package io.dinechat.gateway.identity.web;

import io.dinechat.gateway.edge.Problems;
import io.dinechat.gateway.identity.application.Refusal;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Refusals as problem+json; the {@code type} tells the SPA what to show (docs/contracts.md). */
@RestControllerAdvice(assignableTypes = IdentityController.class)
class IdentityProblems {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        var status = switch (refusal.kind()) {
            case INVALID_INPUT, INVALID_TOKEN -> HttpStatus.BAD_REQUEST;
            case INVALID_CREDENTIALS, TOTP_REQUIRED, UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String slug = refusal.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refusal.retryAfter() != null) {
            response.header("Retry-After", String.valueOf(Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000)));
        }
        return response.body(problem(status, slug, refusal.getMessage()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request body or a parameter is not readable."));
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_PREFIX + slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
