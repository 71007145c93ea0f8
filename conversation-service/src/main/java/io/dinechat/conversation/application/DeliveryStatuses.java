package io.dinechat.conversation.application;

import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.OutboundMessages;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Correlates Meta's delivery statuses with the messages we sent: sent → delivered → read, or
 * failed with Meta's reason. Statuses arrive in any order and more than once; a message never moves
 * backwards, and a status that overtakes the send's own bookkeeping is applied once it lands.
 */
@Service
public class DeliveryStatuses {

    private static final Set<String> KNOWN = Set.of("sent", "delivered", "read", "failed");

    private final Channels channels;
    private final OutboundMessages messages;
    private final TenantTransactions tenants;

    public DeliveryStatuses(Channels channels, OutboundMessages messages, TenantTransactions tenants) {
        this.channels = channels;
        this.messages = messages;
        this.tenants = tenants;
    }

    /** @param errorCode Meta's first error code on a failed status, else null */
    public Mono<Void> apply(String phoneNumberId, String whatsappMessageId, String status, Integer errorCode,
            String errorDetail) {
        if (!KNOWN.contains(status)) {
            return Mono.empty(); // "deleted", "warning" and future ones change nothing we track
        }
        return channels.resolve(phoneNumberId)
                .flatMap(channel -> tenants.inTenant(channel.tenantId(),
                        () -> messages.applyStatus(channel.tenantId(), whatsappMessageId, status, errorCode,
                                errorDetail)));
    }

    public Mono<Void> apply(String phoneNumberId, String whatsappMessageId, String status) {
        return apply(phoneNumberId, whatsappMessageId, status, null, null);
    }

    /**
     * Meta synced the WhatsApp Business App's contacts or history for this number: it is a
     * coexistence number, shared with staff's phone, and gets the lower sending rate from now on.
     */
    public Mono<Void> businessAppInUse(String phoneNumberId) {
        return channels.resolve(phoneNumberId)
                .flatMap(channel -> tenants.inTenant(channel.tenantId(),
                        () -> channels.markCoexistence(channel.tenantId(), phoneNumberId, true)));
    }
}
