package io.dinechat.conversation.web;

import io.dinechat.conversation.application.StaffInbox;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** RFC 9457 answers for the dashboard API; nothing internal leaks into them. */
@RestControllerAdvice
class ConversationProblems {

    @ExceptionHandler(StaffInbox.NotFound.class)
    ProblemDetail notFound(StaffInbox.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such conversation in this business.");
    }

    @ExceptionHandler(ConversationController.InvalidInput.class)
    ProblemDetail invalid(ConversationController.InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadable(ServerWebInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request could not be read.");
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dinechat.io/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
