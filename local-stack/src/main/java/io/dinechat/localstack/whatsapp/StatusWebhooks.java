package io.dinechat.localstack.whatsapp;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the business what happened to its accepted sends, as Meta does: a signed {@code sent}
 * webhook, then {@code delivered}. They go out after the Graph API has answered, on their own
 * thread, so the sender sees the wamid before any status for it, as with the real API.
 */
final class StatusWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusWebhooks.class);
    private static final List<String> LIFECYCLE = List.of("sent", "delivered");

    private final boolean enabled;
    private final WebhookSender sender;
    private final MetaWebhookPayloads payloads;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** One conversation id per business number and guest, as in Meta's pricing webhooks. */
    private final Map<String, String> conversationIds = new ConcurrentHashMap<>();

    StatusWebhooks(boolean enabled, WebhookSender sender, MetaWebhookPayloads payloads, Clock clock) {
        this.enabled = enabled;
        this.sender = sender;
        this.payloads = payloads;
        this.clock = clock;
    }

    void announce(SimulatedNumber number, OutboundMessage message) {
        if (!enabled) {
            return;
        }
        try {
            executor.execute(() -> deliverLifecycle(number, message));
        } catch (RejectedExecutionException e) {
            log.debug("Simulator is closing; no status webhooks for {}", message.wamid());
        }
    }

    /** Sequential on purpose: {@code delivered} must not overtake {@code sent}. */
    private void deliverLifecycle(SimulatedNumber number, OutboundMessage message) {
        if (!sender.hasTarget()) {
            log.debug("No webhook URL yet; skipping status webhooks for {}", message.wamid());
            return;
        }
        String conversationId = conversationIds.computeIfAbsent(number.phoneNumberId() + "/" + message.to(),
                key -> randomConversationId());
        for (String status : LIFECYCLE) {
            try {
                int statusCode = sender.send(payloads.status(number, message, status, clock.instant(), conversationId));
                if (statusCode >= 300) {
                    log.warn("Webhook endpoint answered {} to the '{}' status of {}", statusCode, status, message.wamid());
                }
            } catch (WebhookDeliveryException e) {
                log.warn("Status webhook '{}' for {} not delivered: {}", status, message.wamid(), e.getMessage());
                return;
            }
        }
    }

    private static String randomConversationId() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
