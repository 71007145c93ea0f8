package io.dinechat.order.web;

import io.dinechat.order.ordering.application.OrderBoard;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the dashboard API as RFC 9457 problem+json. Messages are written for the owner
 * and name fields, never SQL, stack traces or another business's data.
 */
@RestControllerAdvice(basePackages = "io.dinechat.order")
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("errors", e.problems());
        return respond(problem);
    }

    @ExceptionHandler(OrderBoard.InvalidTransition.class)
    ResponseEntity<ProblemDetail> conflict(OrderBoard.InvalidTransition e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "invalid-transition", e.getMessage());
        problem.setProperty("currentStatus", e.from().wire());
        problem.setProperty("allowed", e.from().next().stream().map(s -> s.wire()).sorted().toList());
        return respond(problem);
    }

    @ExceptionHandler(OrderBoard.ReasonRequired.class)
    ResponseEntity<ProblemDetail> reason(OrderBoard.ReasonRequired e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("errors", java.util.List.of(new InvalidRequest.FieldProblem("reason", "required to cancel")));
        return respond(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(OrderBoard.OrderNotFound.class)
    ResponseEntity<ProblemDetail> orderNotFound(OrderBoard.OrderNotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        // Unique WhatsApp numbers and references across businesses: say what, not whose.
        String detail = e.getMessage() != null && e.getMessage().contains("whatsapp_phone_number_id")
                ? "This WhatsApp number is already connected to a business."
                : "The change conflicts with existing data.";
        log.info("Refused a conflicting catalog change: {}", e.getClass().getSimpleName());
        return respond(problem(HttpStatus.CONFLICT, "conflict", detail));
    }

    /** The object store (photos) failed or is unreachable: say so, not what it answered. */
    @ExceptionHandler({org.springframework.web.reactive.function.client.WebClientResponseException.class,
            org.springframework.web.reactive.function.client.WebClientRequestException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("Photo store failed: {}", e.getClass().getSimpleName());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                "The photo could not be stored; try again in a moment."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dinechat.io/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
