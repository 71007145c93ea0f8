package io.dinechat.billing.web;

import io.dinechat.billing.application.BillingRefusedException;
import io.dinechat.billing.stripe.StripeUnavailableException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Billing's failures as RFC 9457 problems that say what to do and leak nothing of Stripe's answer. */
@RestControllerAdvice(assignableTypes = BillingController.class)
class BillingProblems {

    private static final Logger log = LoggerFactory.getLogger(BillingProblems.class);

    @ExceptionHandler(BillingRefusedException.class)
    ProblemDetail refused(BillingRefusedException e) {
        HttpStatus status = "already-subscribed".equals(e.reason()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        return problem(status, e.reason(), e.getMessage());
    }

    @ExceptionHandler(StripeUnavailableException.class)
    ProblemDetail stripeUnavailable(StripeUnavailableException e) {
        log.warn("Stripe call failed: {}", e.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, "payments-unavailable",
                "The payment provider is not reachable right now. Try again in a moment.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dinechat.io/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
