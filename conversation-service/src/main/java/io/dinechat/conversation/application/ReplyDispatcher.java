package io.dinechat.conversation.application;

import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundReply;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.OutboundMessages;
import io.dinechat.conversation.whatsapp.GraphApiException;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends queued messages through the Graph API. The rows are locked while they are sent, so the turn
 * that queued a reply and the sweeper that retries leftovers never send it twice.
 * <ul>
 * <li>The 24-hour customer-service window runs from the guest's last message: outside it only a
 * template may go, so free-form content takes its fallback template, or fails as
 * {@code window_closed} when it has none. Meta's own verdict (131047, re-engagement required)
 * takes the same path, since our clock and Meta's can disagree at the edge of the window.</li>
 * <li>Each number is paced by {@link NumberRateLimiter} (lower for coexistence numbers).</li>
 * <li>Throttling (429, 130429) and Meta's 5xx are retried at once with backoff; a reply still
 * failing stays queued for the sweeper, up to {@code maxAttempts}; permanent errors (bad token,
 * invalid number, template rejected) are recorded on the message with Meta's code, never retried.</li>
 * </ul>
 */
@Service
public class ReplyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReplyDispatcher.class);
    private static final int BATCH = 20;
    /** Our own code for "free-form content, window closed, no template to fall back to". */
    public static final int WINDOW_CLOSED = GraphApiException.REENGAGEMENT_REQUIRED;

    private final OutboundMessages messages;
    private final Channels channels;
    private final WhatsAppSender sender;
    private final TenantTransactions tenants;
    private final NumberRateLimiter limiter;
    private final ConversationProperties.Replies settings;
    private final MeterRegistry metrics;
    private final Clock clock;

    public ReplyDispatcher(OutboundMessages messages, Channels channels, WhatsAppSender sender,
            TenantTransactions tenants, NumberRateLimiter limiter, ConversationProperties properties,
            MeterRegistry metrics, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.sender = sender;
        this.tenants = tenants;
        this.limiter = limiter;
        this.settings = properties.replies();
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Sends what the business has queued, batch after batch while batches come back full (a burst of
     * reminders); a message that failed for a passing reason waits for its next attempt time.
     */
    public Mono<Void> dispatch(UUID tenantId) {
        return tenants.inTenant(tenantId,
                        () -> messages.lockQueued(tenantId, BATCH).concatMap(reply -> send(reply).thenReturn(1)).count())
                .flatMap(handled -> handled == BATCH ? dispatch(tenantId) : Mono.empty());
    }

    private Mono<Void> send(OutboundReply reply) {
        Instant now = clock.instant();
        if (reply.expiresAt() != null && now.isAfter(reply.expiresAt())) {
            log.info("Message {} to {} expired before it could be sent", reply.id(), reply.conversation());
            count("expired", "none");
            return messages.markExpired(reply.tenantId(), reply.id());
        }
        OutboundContent content = reply.content();
        if (content.needsOpenWindow() && !windowOpen(reply, now)) {
            if (reply.fallback() == null) {
                return giveUp(reply, WINDOW_CLOSED, "24-hour window closed and no template to send instead");
            }
            content = reply.fallback();
        }
        var to = reply.conversation();
        OutboundContent first = content;
        return channels.sendingChannel(reply.tenantId(), to.phoneNumberId())
                .switchIfEmpty(Mono.error(new GraphApiException(0, 0, "number no longer connected")))
                .flatMap(channel -> attempt(to.phoneNumberId(), channel, to.waId(), first)
                        .map(wamid -> new Sent(wamid, first))
                        .onErrorResume(GraphApiException.class, e -> e.reEngagementRequired() && first.needsOpenWindow()
                                && reply.fallback() != null
                                        ? attempt(to.phoneNumberId(), channel, to.waId(), reply.fallback())
                                                .map(wamid -> new Sent(wamid, reply.fallback()))
                                        : Mono.error(e)))
                .flatMap(sent -> {
                    count("sent", sent.content().wireType());
                    return messages.markSent(reply.tenantId(), reply.id(), sent.wamid(), sent.content());
                })
                .onErrorResume(failure -> {
                    var meta = failure instanceof GraphApiException g ? g : null;
                    boolean transientFailure = meta == null || meta.isTransient();
                    if (transientFailure && reply.attempts() + 1 < settings.maxAttempts()) {
                        log.warn("Message {} to {} not sent (attempt {}): {}; will retry", reply.id(), to,
                                reply.attempts() + 1, failure.getMessage());
                        count("retried", meta == null ? "io" : String.valueOf(meta.code()));
                        return messages.markAttemptFailed(reply.tenantId(), reply.id(), false,
                                meta == null ? 0 : meta.code(), failure.getMessage(), nextAttemptIn(reply.attempts()));
                    }
                    return giveUp(reply, meta == null ? 0 : meta.code(), failure.getMessage());
                });
    }

    /** One send, paced per number, with quick retries of throttling and Meta's transient failures. */
    private Mono<String> attempt(String phoneNumberId, Channels.SendingChannel channel, String to,
            OutboundContent content) {
        int rate = channel.coexistence() ? settings.coexistenceRate() : settings.perNumberRate();
        return limiter.permit(phoneNumberId, rate)
                .then(Mono.defer(() -> sender.send(phoneNumberId, channel.accessToken(), to, content)))
                .retryWhen(Retry.backoff(settings.retries(), settings.retryBackoff())
                        .filter(e -> e instanceof GraphApiException g && g.isTransient())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Void> giveUp(OutboundReply reply, int code, String reason) {
        log.warn("Message {} to {} failed for good (code {}): {}", reply.id(), reply.conversation(), code, reason);
        count("failed", String.valueOf(code));
        return messages.markAttemptFailed(reply.tenantId(), reply.id(), true, code, reason, Duration.ZERO);
    }

    /** The sweeper's interval, doubling with each failed attempt, at most 5 minutes. */
    private Duration nextAttemptIn(int attemptsSoFar) {
        Duration delay = settings.sweepInterval().multipliedBy(1L << Math.min(attemptsSoFar, 6));
        return delay.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : delay;
    }

    private boolean windowOpen(OutboundReply reply, Instant now) {
        return reply.lastInboundAt() != null && reply.lastInboundAt().plus(settings.window()).isAfter(now);
    }

    private void count(String outcome, String detail) {
        metrics.counter("dinechat.whatsapp.outbound", "outcome", outcome, "detail", detail).increment();
    }

    private record Sent(String wamid, OutboundContent content) {
    }
}
