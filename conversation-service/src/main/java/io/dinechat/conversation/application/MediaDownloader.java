package io.dinechat.conversation.application;

import io.dinechat.conversation.config.ConversationProperties;
import io.dinechat.conversation.domain.Media;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Downloads a guest's media (a voice note for speech-to-text) with the business's token, refusing
 * files over {@code dinechat.conversation.graph-api.media-max-bytes}. The token is read in a short
 * tenant transaction; the download runs outside it so no connection is held meanwhile.
 */
@Service
public class MediaDownloader {

    private final Channels channels;
    private final TenantTransactions tenants;
    private final MediaSource source;
    private final long maxBytes;

    public MediaDownloader(Channels channels, TenantTransactions tenants, MediaSource source,
            ConversationProperties properties) {
        this.channels = channels;
        this.tenants = tenants;
        this.source = source;
        this.maxBytes = properties.graphApi().mediaMaxBytes();
    }

    public Mono<Media> download(UUID tenantId, String phoneNumberId, String mediaId) {
        return tenants.inTenant(tenantId, () -> channels.sendingChannel(tenantId, phoneNumberId)
                        .map(Channels.SendingChannel::accessToken))
                .flatMap(token -> source.download(token, mediaId, maxBytes));
    }
}
