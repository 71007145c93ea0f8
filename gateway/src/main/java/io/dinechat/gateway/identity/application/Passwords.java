package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.config.IdentityProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt, deliberately slow (cost 12 by default, about a quarter of a second), so it runs on
 * boundedElastic and never on an event-loop thread. An unknown email is checked against a dummy
 * hash so a login takes as long whether or not the account exists.
 */
@Component
public class Passwords {

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    public Passwords(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.dummyHash = encoder.encode("no such account, still as slow to check");
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** @param storedHash null when there is no account or no password yet: still takes the time, always false */
    public Mono<Boolean> matches(String password, String storedHash) {
        return Mono.fromCallable(() -> {
            try {
                boolean ok = encoder.matches(password == null ? "" : password, storedHash == null ? dummyHash : storedHash);
                return ok && storedHash != null;
            } catch (IllegalArgumentException overlong) {
                // Over BCrypt's 72 bytes: no stored password can be that long.
                return false;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
