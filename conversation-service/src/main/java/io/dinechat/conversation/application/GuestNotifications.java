package io.dinechat.conversation.application;

import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.OutboundMessages;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sends what other services ask to tell a guest (reminders, order status, owner alerts): the
 * free-form text (with quick-reply buttons) while the 24-hour window is open, the approved template
 * otherwise; the choice is made by {@link ReplyDispatcher} at send time. Each notification id is
 * sent at most once, whatever the redeliveries.
 */
@Service
public class GuestNotifications {

    private static final Logger log = LoggerFactory.getLogger(GuestNotifications.class);

    private final Channels channels;
    private final OutboundMessages messages;
    private final TenantTransactions tenants;
    private final ReplyDispatcher dispatcher;

    public GuestNotifications(Channels channels, OutboundMessages messages, TenantTransactions tenants,
            ReplyDispatcher dispatcher) {
        this.channels = channels;
        this.messages = messages;
        this.tenants = tenants;
        this.dispatcher = dispatcher;
    }

    /** @param buttons quick replies under the text (≤ 3); empty for plain text */
    public record Request(UUID notificationId, UUID tenantId, ConversationKey conversation, String text,
            List<OutboundContent.Button> buttons, OutboundContent.Template template, Instant expiresAt) {
    }

    public Mono<Void> handle(Request request) {
        return channels.resolve(request.conversation().phoneNumberId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(channel -> {
                    // The number decides the business; a request naming another business is refused.
                    if (channel.isEmpty() || !channel.get().tenantId().equals(request.tenantId())) {
                        log.warn("Notification {} for {} dropped: the number does not belong to business {}",
                                request.notificationId(), request.conversation(), request.tenantId());
                        return Mono.empty();
                    }
                    OutboundContent content = request.buttons().isEmpty()
                            ? new OutboundContent.Text(request.text())
                            : new OutboundContent.ReplyButtons(request.text(), request.buttons());
                    return tenants.inTenant(request.tenantId(), () -> messages.queueNotification(request.tenantId(),
                                    request.conversation(), request.notificationId(), content, request.template(),
                                    request.expiresAt()))
                            .then(dispatcher.dispatch(request.tenantId()));
                });
    }
}
