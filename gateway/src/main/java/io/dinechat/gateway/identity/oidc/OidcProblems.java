package io.dinechat.gateway.identity.oidc;

import io.dinechat.gateway.edge.Problems;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused sign-ins as problem+json; the started sign-in's cookie is dropped, since it cannot be used again. */
@RestControllerAdvice(assignableTypes = OidcController.class)
class OidcProblems {

    private final OidcController controller;

    OidcProblems(OidcController controller) {
        this.controller = controller;
    }

    @ExceptionHandler(OidcRefusal.class)
    ResponseEntity<ProblemDetail> refused(OidcRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setType(URI.create(Problems.TYPE_PREFIX + refusal.slug()));
        problem.setTitle(refusal.status().getReasonPhrase());
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.SET_COOKIE, controller.expiredBrowserCookie().toString())
                .body(problem);
    }
}
