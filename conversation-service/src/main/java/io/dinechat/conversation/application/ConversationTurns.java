package io.dinechat.conversation.application;

import io.dinechat.conversation.config.AssistantProperties;
import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.dialog.Decision;
import io.dinechat.conversation.dialog.DialogPolicy;
import io.dinechat.conversation.dialog.DialogState;
import io.dinechat.conversation.dialog.Say;
import io.dinechat.conversation.dialog.ServiceAnswer;
import io.dinechat.conversation.dialog.Wording;
import io.dinechat.conversation.domain.Channel;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.GuestMessage;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.messaging.AssistantCommands;
import io.dinechat.conversation.messaging.ConversationEvents;
import io.dinechat.conversation.persistence.AssistantCatalog;
import io.dinechat.conversation.persistence.AssistantStates;
import io.dinechat.conversation.persistence.AssistantStates.State;
import io.dinechat.conversation.persistence.AssistantStates.Unanswered;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.Conversations;
import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.Slots;
import io.dinechat.conversation.understanding.TurnInput;
import io.dinechat.conversation.understanding.Understanding;
import io.dinechat.platform.outbox.ProcessedEvents;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant's turn pipeline. A guest message is stored once (idempotent by its WhatsApp id);
 * the messages of a burst form one turn (coalescing window); the turn is understood by the
 * business's engine, decided by the {@link DialogPolicy}, and its replies, commands, events and new
 * state are written in one tenant transaction, so a crash at any point either redoes the turn (the
 * record is redelivered) or finds it done. Answers from reservation-service and order-service resume
 * the dialog from the persisted state; stale and duplicate answers change nothing.
 */
@Service
public class ConversationTurns {

    private static final Logger log = LoggerFactory.getLogger(ConversationTurns.class);
    static final String ANSWERS_CONSUMER = "assistant-answers";

    private final Channels channels;
    private final Conversations conversations;
    private final AssistantStates states;
    private final AssistantCatalog catalog;
    private final ConversationEvents events;
    private final AssistantCommands commands;
    private final ProcessedEvents processed;
    private final TenantTransactions tenants;
    private final ReplyDispatcher dispatcher;
    private final Understanders understanders;
    private final ObjectProvider<SpeechToText> speech;
    private final ObjectProvider<MediaDownloader> media;
    private final ObjectProvider<WhatsAppPresence> presence;
    private final ConversationProperties properties;
    private final AssistantProperties assistant;
    private final JsonMapper json;
    private final Clock clock;
    private final DialogPolicy policy = new DialogPolicy();

    public ConversationTurns(Channels channels, Conversations conversations, AssistantStates states,
            AssistantCatalog catalog, ConversationEvents events, AssistantCommands commands, ProcessedEvents processed,
            TenantTransactions tenants, ReplyDispatcher dispatcher, Understanders understanders,
            ObjectProvider<SpeechToText> speech, ObjectProvider<MediaDownloader> media,
            ObjectProvider<WhatsAppPresence> presence, ConversationProperties properties, AssistantProperties assistant,
            JsonMapper json, Clock clock) {
        this.channels = channels;
        this.conversations = conversations;
        this.states = states;
        this.catalog = catalog;
        this.events = events;
        this.commands = commands;
        this.processed = processed;
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.understanders = understanders;
        this.speech = speech;
        this.media = media;
        this.presence = presence;
        this.properties = properties;
        this.assistant = assistant;
        this.json = json;
        this.clock = clock;
    }

    /** One inbound WhatsApp message (from the guest, or staff's echo from the Business App). */
    public Mono<Void> handle(GuestMessage message) {
        return channels.resolve(message.conversation().phoneNumberId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(channel -> channel.isPresent() ? handle(channel.get(), message) : unrouted(message));
    }

    private Mono<Void> handle(Channel channel, GuestMessage message) {
        UUID tenantId = channel.tenantId();
        ConversationKey key = message.conversation();
        return tenants.inTenant(tenantId, () -> record(tenantId, message))
                .flatMap(answerNow -> answerNow ? takeTurn(channel, key) : Mono.<String>empty())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(read -> dispatcher.dispatch(tenantId).then(markRead(tenantId, key, read)));
    }

    /**
     * The guest sees their message read once the assistant answered it; best effort and off the
     * consumer thread. Never while staff has the conversation (no receipt is owed then).
     */
    private Mono<Void> markRead(UUID tenantId, ConversationKey key, Optional<String> wamid) {
        WhatsAppPresence receipts = presence.getIfAvailable();
        if (wamid.isEmpty() || receipts == null) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> receipts.markRead(tenantId, key, wamid.get()).subscribe());
    }

    /** @return true when the turn should be taken at once (no coalescing window) */
    private Mono<Boolean> record(UUID tenantId, GuestMessage message) {
        ConversationKey key = message.conversation();
        return conversations.record(tenantId, message)
                .flatMap(storedId -> events.messageLogged(tenantId, message, storedId).then(states.lock(tenantId, key)))
                .flatMap(state -> {
                    Instant now = clock.instant();
                    if (message.fromStaff()) {
                        // Coexistence: staff answered from the Business App; the assistant steps back.
                        Mono<Void> answered = "escalated".equals(state.handoff())
                                ? events.handoffChanged(tenantId, key, "staff", "business_app", "staff_replied")
                                : Mono.empty();
                        return conversations.silenceAssistant(tenantId, key, now.plus(properties.humanTakeover()))
                                .then(states.cancelReengagement(tenantId, key))
                                .then(answered)
                                .thenReturn(false);
                    }
                    if (assistant.coalescingWindow().isZero()) {
                        return Mono.just(true);
                    }
                    return states.scheduleTurn(tenantId, key, now, assistant.coalescingWindow(),
                            assistant.coalescingCap()).thenReturn(false);
                })
                .defaultIfEmpty(false); // a redelivery: stored before, nothing to do
    }

    /** Answers the conversation's unanswered messages as one turn (inline, or when its window closes). */
    public Mono<Void> takeTurn(UUID tenantId, ConversationKey key) {
        return channels.resolve(key.phoneNumberId())
                .flatMap(channel -> takeTurn(channel, key))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(read -> dispatcher.dispatch(tenantId).then(markRead(tenantId, key, read)));
    }

    /** @return the WhatsApp id of the last message the assistant answered, or empty when it stayed silent */
    private Mono<String> takeTurn(Channel channel, ConversationKey key) {
        UUID tenantId = channel.tenantId();
        long started = System.nanoTime();
        UUID turnId = UUID.randomUUID();
        return tenants.inTenant(tenantId, () -> states.lock(tenantId, key).flatMap(state ->
                states.unanswered(tenantId, key).collectList().flatMap(messages -> {
                    List<UUID> ids = messages.stream().map(Unanswered::id).toList();
                    Mono<Void> close = states.markAnswered(tenantId, ids, turnId).then(states.clearTurn(tenantId, key));
                    if (messages.isEmpty()) {
                        return close.then(Mono.<String>empty());
                    }
                    if (!state.assistantAnswers(clock.instant())) {
                        // staff has the conversation: stay silent, no receipts, no typing
                        return close.then(Mono.<String>empty());
                    }
                    String last = messages.getLast().whatsappMessageId();
                    return catalog.facts(tenantId).zipWith(states.settings(tenantId)).flatMap(known ->
                            guestWords(tenantId, key, messages).flatMap(words -> decide(channel, key, state,
                                    messages, words, known.getT1(), known.getT2(), turnId, started)))
                            .then(close)
                            .then(Mono.justOrEmpty(last));
                })));
    }

    private Mono<Void> decide(Channel channel, ConversationKey key, State state, List<Unanswered> messages,
            GuestWords words, CatalogFacts facts, AssistantStates.Settings settings, UUID turnId, long started) {
        UUID tenantId = channel.tenantId();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), facts.timeZone());
        Language previous = state.language() != null ? state.language() : null;
        if (words.text().isBlank() && words.untranscribedVoice()) {
            Language language = previous != null ? previous : facts.defaultLanguage();
            Decision pleaseType = new Decision(state.dialog(), List.of(Say.simple(Say.Kind.PLEASE_TYPE)), null,
                    state.branchId(), null, "voice_not_transcribed");
            return execute(tenantId, key, state, pleaseType, language, facts, now)
                    .then(events.turnHandled(tenantId, key, turnId, "none", language.wireName(), Intent.OTHER.name()
                            .toLowerCase(), pleaseType.outcome(), elapsed(started), null));
        }
        String buttonId = buttonId(messages);
        TurnInput input = new TurnInput(words.text(), previous, facts, now.toLocalDate(), facts.timeZone());
        Mono<Understanders.Understood> understood = words.text().isBlank() && buttonId != null
                ? Mono.just(new Understanders.Understood(new Understanding(previous != null ? previous
                        : facts.defaultLanguage(), Intent.OTHER, Slots.none(), 1.0, "button"), "button", null))
                : understanders.understand(settings.engine(), input, situation(state.dialog()));
        return understood.flatMap(u -> {
            Language language = u.understanding().language() != null ? u.understanding().language()
                    : previous != null ? previous : facts.defaultLanguage();
            UUID branch = state.branchId() != null ? state.branchId() : channel.branchId();
            Decision decision = policy.onTurn(state.dialog(), new DialogPolicy.Turn(u.understanding(), words.text(),
                    buttonId, state.guestName(), facts, branch, now, UUID::randomUUID, location(messages)));
            return execute(tenantId, key, state, decision, language, facts, now, u.reply())
                    .then(events.turnHandled(tenantId, key, turnId, u.engine(), language.wireName(),
                            u.understanding().intent().name().toLowerCase(), decision.outcome(), elapsed(started),
                            u.tokens()));
        });
    }

    /** Resumes a dialog with another service's answer to one of its commands. */
    public Mono<Void> resume(UUID tenantId, ConversationKey key, String eventId, ServiceAnswer answer) {
        return tenants.inTenant(tenantId, () -> processed.firstDelivery(ANSWERS_CONSUMER, eventId)
                        .filter(first -> first)
                        .flatMap(first -> states.lock(tenantId, key))
                        .flatMap(state -> catalog.facts(tenantId).flatMap(facts -> {
                            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), facts.timeZone());
                            Optional<Decision> decision = policy.onAnswer(state.dialog(), answer, facts,
                                    state.branchId(), now, UUID::randomUUID);
                            if (decision.isEmpty()) {
                                log.info("Answer {} to command {} in {} is stale (the dialog no longer waits for it)",
                                        eventId, answer.commandId(), key);
                                return Mono.<Void>empty();
                            }
                            Language language = state.language() != null ? state.language() : facts.defaultLanguage();
                            return execute(tenantId, key, state, decision.get(), language, facts, now);
                        })))
                .then(Mono.defer(() -> dispatcher.dispatch(tenantId)));
    }

    private Mono<Void> execute(UUID tenantId, ConversationKey key, State state, Decision decision, Language language,
            CatalogFacts facts, LocalDateTime now) {
        return execute(tenantId, key, state, decision, language, facts, now, null);
    }

    /**
     * Writes a decision: new state, replies, the command, the escalation; all in the caller's
     * transaction. A model's grounded wording ({@code modelReply}) replaces the templated wording of
     * an informational answer only; summaries, questions and confirmations stay templated, built
     * from validated data.
     */
    private Mono<Void> execute(UUID tenantId, ConversationKey key, State state, Decision decision, Language language,
            CatalogFacts facts, LocalDateTime now, String modelReply) {
        Mono<Void> work = states.saveDialog(tenantId, key, decision.state(), language, decision.branchId());
        boolean worded = modelReply == null;
        for (Say say : decision.says()) {
            OutboundContent content;
            if (phrasable(say)) {
                if (worded) {
                    if (modelReply != null) {
                        continue; // the model's one answer already covers it
                    }
                    content = Wording.render(say, language, facts, now.toLocalDate());
                } else {
                    content = new OutboundContent.Text(modelReply.length() > 4096 ? modelReply.substring(0, 4096)
                            : modelReply);
                    worded = true;
                }
            } else {
                content = Wording.render(say, language, facts, now.toLocalDate());
            }
            work = work.then(queue(tenantId, key, content));
        }
        if (decision.command() != null) {
            work = work.then(commands.send(tenantId, key, decision.branchId(), language, decision.command()));
        }
        if (decision.escalation() != null) {
            work = work.then(escalate(tenantId, key, state, language, decision.escalation()));
        }
        return work;
    }

    /** Answers a model may word itself: facts from the catalog, greetings, thanks. */
    private static boolean phrasable(Say say) {
        return switch (say) {
            case Say.Info i -> true;
            case Say.Simple s -> s.kind() == Say.Kind.GREETING || s.kind() == Say.Kind.WELCOME
                    || s.kind() == Say.Kind.ANYTHING_ELSE || s.kind() == Say.Kind.NOT_UNDERSTOOD;
            default -> false;
        };
    }

    /** Where the dialog stands, in a line a model can read; null when nothing is in progress. */
    private static String situation(DialogState dialog) {
        if (dialog == null || dialog.task() == null) {
            return null;
        }
        String line = "the guest is " + dialog.task().name().toLowerCase() + " (" + dialog.stage().name().toLowerCase()
                + ")";
        if (dialog.asked() != null) {
            line += "; they were just asked for: " + dialog.asked().name().toLowerCase();
        }
        if (dialog.stage() == DialogState.Stage.CONFIRMING) {
            line += "; they were shown a summary to confirm (call confirm or decline)";
        }
        return line + ".";
    }

    private Mono<Void> queue(UUID tenantId, ConversationKey key, OutboundContent content) {
        return conversations.queueReply(tenantId, key, content)
                .flatMap(id -> events.replyQueued(tenantId, key, id, content.readable()));
    }

    /** A person is needed: the owner is alerted on their own number, re-engagement is scheduled. */
    private Mono<Void> escalate(UUID tenantId, ConversationKey key, State state, Language language, String reason) {
        Instant now = clock.instant();
        Mono<Void> alert = states.settings(tenantId).flatMap(settings -> {
            if (settings.ownerAlertPhone() == null) {
                log.warn("Conversation {} escalated ({}) but the business has no owner alert number", key, reason);
                return Mono.empty();
            }
            var owner = new ConversationKey(key.phoneNumberId(), settings.ownerAlertPhone());
            String guest = state.guestName() == null ? "+" + key.waId() : state.guestName() + " (+" + key.waId() + ")";
            return events.ownerAlert(tenantId, owner, language.wireName(),
                    "A guest needs you on WhatsApp: " + guest + " (" + reason + "). Reply from the dashboard or the app.",
                    guest, reason);
        });
        return states.handoff(tenantId, key, "escalated", reason, now, now.plus(assistant.reengageAfter()))
                .then(events.handoffChanged(tenantId, key, "escalated", "assistant", reason))
                .then(alert);
    }

    /** Nobody answered an escalation in time: the assistant takes the guest back. */
    public Mono<Void> reengage(UUID tenantId, ConversationKey key) {
        return tenants.inTenant(tenantId, () -> states.lock(tenantId, key).flatMap(state -> {
                    Instant now = clock.instant();
                    if (!"escalated".equals(state.handoff()) || state.reengageAt() == null
                            || state.reengageAt().isAfter(now)) {
                        return Mono.<Void>empty();
                    }
                    return catalog.facts(tenantId).flatMap(facts -> {
                        Language language = state.language() != null ? state.language() : facts.defaultLanguage();
                        return states.handoff(tenantId, key, "assistant", null, now, null)
                                .then(events.handoffChanged(tenantId, key, "assistant", "system", "no_answer"))
                                .then(queue(tenantId, key, Wording.render(Say.simple(Say.Kind.REENGAGE), language,
                                        facts, LocalDateTime.ofInstant(now, facts.timeZone()).toLocalDate())));
                    });
                }))
                .then(Mono.defer(() -> dispatcher.dispatch(tenantId)));
    }

    // --- the guest's words ----------------------------------------------------------------------

    record GuestWords(String text, boolean untranscribedVoice) {
    }

    /** Texts of the burst joined; voice notes transcribed when a transcriber is configured (audio never stored). */
    private Mono<GuestWords> guestWords(UUID tenantId, ConversationKey key, List<Unanswered> messages) {
        SpeechToText transcriber = speech.getIfAvailable();
        MediaDownloader downloader = media.getIfAvailable();
        return Flux.fromIterable(messages).concatMap(m -> {
            if ("audio".equals(m.type()) || "voice".equals(m.type())) {
                String mediaId = audioId(m.payload());
                if (transcriber == null || downloader == null || mediaId == null) {
                    return Mono.just(new GuestWords("", true));
                }
                return downloader.download(tenantId, key.phoneNumberId(), mediaId)
                        .flatMap(audio -> transcriber.transcribe(audio.bytes(), audio.mimeType()))
                        .map(text -> new GuestWords(text, text.isBlank()))
                        .onErrorResume(e -> {
                            log.warn("Voice note in {} not transcribed: {}", key, e.getMessage());
                            return Mono.just(new GuestWords("", true));
                        })
                        .defaultIfEmpty(new GuestWords("", true));
            }
            return Mono.just(new GuestWords(m.text() == null ? "" : m.text(), false));
        }).collectList().map(parts -> new GuestWords(parts.stream().map(GuestWords::text).filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n")), parts.stream().anyMatch(GuestWords::untranscribedVoice)));
    }

    private String audioId(String payload) {
        if (payload == null) {
            return null;
        }
        JsonNode message = json.readTree(payload);
        return message.path("audio").path("id").asString(null);
    }

    /** A location pin shared in the burst (Meta's {@code location} message), the last one if several. */
    private DialogState.GuestLocation location(List<Unanswered> messages) {
        for (Unanswered m : messages.reversed()) {
            if (!"location".equals(m.type()) || m.payload() == null) {
                continue;
            }
            JsonNode location = json.readTree(m.payload()).path("location");
            if (location.path("latitude").isNumber() && location.path("longitude").isNumber()) {
                String label = java.util.stream.Stream.of(location.path("name").asString(null),
                                location.path("address").asString(null))
                        .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
                return new DialogState.GuestLocation(location.path("latitude").asDouble(),
                        location.path("longitude").asDouble(), label.isBlank() ? null : label);
            }
        }
        return null;
    }

    /** The id of a tapped reply button or list row in the burst's last message, if any. */
    private String buttonId(List<Unanswered> messages) {
        String payload = messages.getLast().payload();
        if (payload == null) {
            return null;
        }
        JsonNode message = json.readTree(payload);
        JsonNode interactive = message.path("interactive");
        for (String kind : new String[] {"button_reply", "list_reply"}) {
            String id = interactive.path(kind).path("id").asString(null);
            if (id != null) {
                return id;
            }
        }
        return message.path("button").path("payload").asString(null);
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private Mono<Void> unrouted(GuestMessage message) {
        log.warn("No business has connected WhatsApp number {}; message {} recorded and ignored",
                message.conversation().phoneNumberId(), message.eventId());
        return channels.recordUnrouted(message.conversation().phoneNumberId(), message.eventId());
    }
}
