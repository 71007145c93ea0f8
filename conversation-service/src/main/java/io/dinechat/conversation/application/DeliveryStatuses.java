package io.dinechat.conversation.application;

import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.Conversations;
import io.dinechat.platform.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Moves sent replies through delivered and read as Meta reports it. */
@Service
public class DeliveryStatuses {

    private final Channels channels;
    private final Conversations conversations;
    private final TenantTransactions tenants;

    public DeliveryStatuses(Channels channels, Conversations conversations, TenantTransactions tenants) {
        this.channels = channels;
        this.conversations = conversations;
        this.tenants = tenants;
    }

    public Mono<Void> apply(String phoneNumberId, String whatsappMessageId, String status) {
        return channels.resolve(phoneNumberId)
                .flatMap(channel -> tenants.inTenant(channel.tenantId(),
                        () -> conversations.applyStatus(channel.tenantId(), whatsappMessageId, status)));
    }
}
