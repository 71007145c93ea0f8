package io.dinechat.conversation.web;

import io.dinechat.conversation.application.ConversationFeed;
import io.dinechat.conversation.application.StaffInbox;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.conversation.persistence.Inbox.ConversationSummary;
import io.dinechat.conversation.persistence.Inbox.MessageView;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's live inbox (docs/contracts.md routes {@code /api/conversations/**}): owners and
 * staff read conversations, take one over, reply as staff and hand it back; owners set where
 * escalation alerts go. The business comes from the gateway's token only.
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    /** A comment at once (so the response starts) and then regularly (so proxies keep the stream open). */
    /** Under the gateway's 10 s idle limit on proxied responses. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Role[] INBOX = {Role.OWNER, Role.STAFF, Role.PLATFORM_ADMIN};

    record StaffReply(String text) {
    }

    /**
     * @param ownerAlertPhone the owner's personal WhatsApp number (digits, '+' and spaces tolerated), or null for none
     * @param engine          offline, llm, or null for the service default
     */
    record AssistantSettingsForm(String ownerAlertPhone, String engine) {
    }

    private final StaffInbox inbox;
    private final ConversationFeed feed;

    ConversationController(StaffInbox inbox, ConversationFeed feed) {
        this.inbox = inbox;
        this.feed = feed;
    }

    @GetMapping
    Mono<List<ConversationSummary>> list(@RequestParam(defaultValue = "50") int limit) {
        return Actors.require(INBOX).flatMap(actor -> inbox.list(actor, limit));
    }

    @GetMapping("/{key}")
    Mono<StaffInbox.Conversation> read(@PathVariable String key, @RequestParam(defaultValue = "100") int limit) {
        return Actors.require(INBOX).flatMap(actor -> inbox.read(actor, conversation(key), limit));
    }

    @PostMapping("/{key}/takeover")
    Mono<ConversationSummary> takeOver(@PathVariable String key) {
        return Actors.require(INBOX).flatMap(actor -> inbox.takeOver(actor, conversation(key)));
    }

    @PostMapping("/{key}/handback")
    Mono<ConversationSummary> handBack(@PathVariable String key) {
        return Actors.require(INBOX).flatMap(actor -> inbox.handBack(actor, conversation(key)));
    }

    @PostMapping("/{key}/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<MessageView> reply(@PathVariable String key, @RequestBody StaffReply reply) {
        if (reply == null || reply.text() == null || reply.text().isBlank()) {
            return Mono.error(new InvalidInput("text is required"));
        }
        if (reply.text().length() > 4096) {
            return Mono.error(new InvalidInput("text is longer than WhatsApp allows (4096)"));
        }
        return Actors.require(INBOX).flatMap(actor -> inbox.reply(actor, conversation(key), reply.text().strip()));
    }

    @GetMapping("/settings")
    Mono<AssistantStates.Settings> settings() {
        return Actors.requireManager().flatMap(inbox::settings);
    }

    @PutMapping("/settings")
    Mono<AssistantStates.Settings> saveSettings(@RequestBody AssistantSettingsForm form) {
        return Actors.requireManager().flatMap(owner -> inbox.saveSettings(owner, validated(form)));
    }

    /** New messages and handoff changes of the caller's business, as server-sent events. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream() {
        return Actors.require(INBOX).flatMapMany(actor -> Flux.merge(
                feed.of(actor.tenantId()).map(change -> ServerSentEvent.<String>builder()
                        .event(change.kind()).data(change.json()).build()),
                Flux.interval(Duration.ZERO, HEARTBEAT).map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build())));
    }

    private static ConversationKey conversation(String key) {
        try {
            return ConversationKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw new StaffInbox.NotFound();
        }
    }

    private static AssistantStates.Settings validated(AssistantSettingsForm form) {
        if (form == null) {
            throw new InvalidInput("a body is required");
        }
        String phone = form.ownerAlertPhone() == null ? null : form.ownerAlertPhone().replaceAll("[\\s+()-]", "");
        if (phone != null && phone.isEmpty()) {
            phone = null;
        }
        if (phone != null && !phone.matches("[0-9]{6,20}")) {
            throw new InvalidInput("ownerAlertPhone must be a phone number in international format");
        }
        String engine = form.engine() == null || form.engine().isBlank() ? null : form.engine();
        if (engine != null && !engine.equals("offline") && !engine.equals("llm")) {
            throw new InvalidInput("engine must be offline or llm");
        }
        return new AssistantStates.Settings(engine, phone);
    }

    static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message);
        }
    }
}
