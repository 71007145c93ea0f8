package io.dinechat.conversation.application;

import io.dinechat.conversation.domain.Media;
import reactor.core.publisher.Mono;

/** Port to Meta's media endpoints: media id → short-lived URL → bytes, refusing files over {@code maxBytes}. */
public interface MediaSource {

    Mono<Media> download(String accessToken, String mediaId, long maxBytes);
}
