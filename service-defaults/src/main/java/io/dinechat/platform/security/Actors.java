package io.dinechat.platform.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * The current request's {@link Actor}, for controllers and use cases:
 * {@code Actors.require(Role.OWNER).flatMap(owner -> ...)}. Both fail as problem+json (401 without a
 * verified token, 403 for a role that may not do this), so a controller never decides it by hand.
 */
public final class Actors {

    private Actors() {
    }

    public static Mono<Actor> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof ActorAuthentication authentication
                        ? authentication.actor()
                        : null)
                .switchIfEmpty(Mono.error(() -> problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Sign in to continue.")));
    }

    public static Mono<Actor> require(Role... allowed) {
        Set<Role> roles = Set.copyOf(Arrays.asList(allowed));
        return current().flatMap(actor -> roles.contains(actor.role())
                ? Mono.just(actor)
                : Mono.error(problem(HttpStatus.FORBIDDEN, "forbidden",
                        "Your role (" + actor.role().claim() + ") may not do this.")));
    }

    /** Owners, or a platform admin acting on the business through an audited act-as token. */
    public static Mono<Actor> requireManager() {
        return require(Role.OWNER, Role.PLATFORM_ADMIN);
    }

    static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://dinechat.io/problems/" + type));
        body.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, body, null);
    }
}
