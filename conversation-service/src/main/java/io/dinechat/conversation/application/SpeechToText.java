package io.dinechat.conversation.application;

import reactor.core.publisher.Mono;

/** Port to a speech-to-text service; the audio is only passed through, never stored. */
public interface SpeechToText {

    /** @return the transcript, empty when nothing was understood */
    Mono<String> transcribe(byte[] audio, String mimeType);
}
