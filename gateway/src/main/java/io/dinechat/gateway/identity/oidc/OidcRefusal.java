package io.dinechat.gateway.identity.oidc;

import org.springframework.http.HttpStatus;

/**
 * Why a sign-in through the provider was refused, as the browser will read it: a status, a
 * problem slug ({@code https://dinechat.io/problems/<slug>}) and a detail for people. The precise
 * reason a token failed is logged, never answered.
 */
final class OidcRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String slug;

    OidcRefusal(HttpStatus status, String slug, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    static OidcRefusal failed() {
        return new OidcRefusal(HttpStatus.UNAUTHORIZED, "sign-in-failed",
                "The sign-in through the provider could not be completed; please start again.");
    }

    HttpStatus status() {
        return status;
    }

    String slug() {
        return slug;
    }
}
