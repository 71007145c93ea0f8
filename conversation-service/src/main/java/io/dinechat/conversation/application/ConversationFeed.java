package io.dinechat.conversation.application;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live changes for the dashboard: new messages and handoff changes, per business. Fed from
 * conversation.events.v1 by a consumer group of this instance alone, so every instance sees every
 * business's changes whichever instance made them; a slow browser misses events rather than
 * holding others back (the dashboard re-reads the conversation when it reconnects).
 */
@Component
public class ConversationFeed {

    /** @param kind message or handoff; @param json the event's body as published */
    public record Change(UUID tenantId, String kind, String conversationKey, String json) {
    }

    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();

    public void publish(Change change) {
        changes.tryEmitNext(change);
    }

    public Flux<Change> of(UUID tenantId) {
        return changes.asFlux().filter(change -> change.tenantId().equals(tenantId));
    }
}
