package io.dinechat.conversation.domain;

/** A media file a guest sent (a voice note, a photo), downloaded from Meta. */
public record Media(String mediaId, String mimeType, byte[] bytes) {
}
