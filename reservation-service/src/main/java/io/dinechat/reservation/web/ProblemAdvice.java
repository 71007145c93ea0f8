package io.dinechat.reservation.web;

import io.dinechat.reservation.application.StaffDesk;
import io.dinechat.reservation.messaging.ReservationEvents;
import io.dinechat.reservation.provider.ProviderUnavailableException;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for what the dashboard API can run into; nothing internal leaks into them. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(StaffDesk.Refused.class)
    ProblemDetail refused(StaffDesk.Refused e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "booking-refused", e.reason().message());
        problem.setProperty("reasons", java.util.List.of(Map.of("code", e.reason().code().name(),
                "message", e.reason().message())));
        problem.setProperty("alternatives", e.alternatives().stream().map(ReservationEvents::local).toList());
        return problem;
    }

    @ExceptionHandler(StaffDesk.NotFound.class)
    ProblemDetail notFound(StaffDesk.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such reservation in this business.");
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ProblemDetail unavailable(ProviderUnavailableException e) {
        log.warn("Reservation provider unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable",
                "The reservation system is not answering; try again shortly.");
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dinechat.io/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
