package io.dinechat.conversation.application;

import io.dinechat.conversation.config.AssistantProperties;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The assistant's clocks: bursts whose coalescing window closed become turns, escalations nobody
 * answered in time hand the guest back to the assistant, and messages past retention are purged.
 * Everything due is found in the database, so a restart loses no timer.
 */
@Component
public class AssistantTimers {

    private static final Logger log = LoggerFactory.getLogger(AssistantTimers.class);

    private final AssistantStates states;
    private final ConversationTurns turns;
    private final TenantTransactions tenants;
    private final AssistantProperties properties;
    private final Clock clock;

    public AssistantTimers(AssistantStates states, ConversationTurns turns, TenantTransactions tenants,
            AssistantProperties properties, Clock clock) {
        this.states = states;
        this.turns = turns;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dinechat.assistant.timer-interval:200ms}", initialDelayString = "1s")
    public void flushDueTurns() {
        try {
            states.dueTurns(clock.instant()).concatMap(due -> turns.takeTurn(due.tenantId(), due.key())
                    .onErrorResume(e -> {
                        log.warn("Turn of {} failed; retried at the next tick: {}", due.key(), e.toString());
                        return reactor.core.publisher.Mono.empty();
                    })).then().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Coalescing flush failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${dinechat.assistant.reengage-interval:5s}", initialDelayString = "2s")
    public void reengage() {
        try {
            states.dueReengagements(clock.instant()).concatMap(due -> turns.reengage(due.tenantId(), due.key()))
                    .then().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Re-engagement sweep failed: {}", e.toString());
        }
    }

    /** Messages older than the retention period (2 months) are deleted, business by business. */
    @Scheduled(fixedDelayString = "${dinechat.assistant.purge-interval:1h}", initialDelayString = "30s")
    public long purge() {
        Instant before = clock.instant().minus(properties.retention());
        Long purged = states.tenantsWithMessagesBefore(before)
                .concatMap(tenant -> tenants.inTenant(tenant, () -> states.purgeMessagesBefore(tenant, before)))
                .reduce(0L, Long::sum).block(Duration.ofMinutes(5));
        if (purged != null && purged > 0) {
            log.info("Purged {} messages older than {}", purged, before);
        }
        return purged == null ? 0 : purged;
    }
}
