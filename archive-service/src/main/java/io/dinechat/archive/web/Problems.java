package io.dinechat.archive.web;

import io.dinechat.archive.application.Analytics.PremiumRequired;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers of the archive's API; they say what to do and nothing about the internals. */
@RestControllerAdvice
class Problems {

    static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("https://dinechat.io/problems/invalid-request"));
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** 402: the business's plan does not include analytics; the answer says how to get them. */
    @ExceptionHandler(PremiumRequired.class)
    ProblemDetail premiumRequired(PremiumRequired e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED,
                "Analytics are part of the premium plan.");
        problem.setType(URI.create("https://dinechat.io/problems/premium-required"));
        problem.setTitle("Premium plan required");
        problem.setProperty("currentPlan", e.plan().plan());
        problem.setProperty("requiredPlan", "premium");
        problem.setProperty("upgradeHint", "An owner can upgrade to the premium plan on the Billing page.");
        return problem;
    }
}
