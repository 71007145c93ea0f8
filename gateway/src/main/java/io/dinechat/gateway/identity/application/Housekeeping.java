package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.SessionStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets expired sessions and day-old login attempts, so neither table grows without bound. */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final SessionStore sessions;
    private final IdentityStore identities;
    private final Clock clock;

    Housekeeping(SessionStore sessions, IdentityStore identities, Clock clock) {
        this.sessions = sessions;
        this.identities = identities;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dinechat.gateway.identity.housekeeping-interval:10m}", initialDelayString = "1m")
    void sweep() {
        // A scheduler thread, not an event loop: waiting here blocks nobody.
        sessions.deleteExpired()
                .then(identities.forgetAttemptsBefore(clock.instant().minus(Duration.ofDays(1))))
                .onErrorResume(e -> {
                    log.warn("Identity housekeeping failed, will retry: {}", e.toString());
                    return reactor.core.publisher.Mono.empty();
                })
                .block(Duration.ofSeconds(30));
    }
}
