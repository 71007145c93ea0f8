package io.dinechat.ingest.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Webhook bodies in the exact shapes Meta's WhatsApp Cloud API sends (one file per shape under
 * {@code src/test/resources/meta/}), shared by the splitter, component, redelivery and fuzz tests.
 */
public final class MetaFixtures {

    public static final List<String> MESSAGES = List.of("message-text", "message-audio", "message-image",
            "message-video", "message-document", "message-sticker", "message-location", "message-contacts",
            "message-reaction", "message-button-reply", "message-list-reply", "message-template-button",
            "message-order", "message-referral", "message-system", "message-unsupported");
    public static final List<String> STATUSES = List.of("status-sent", "status-delivered", "status-read", "status-failed");
    public static final List<String> ECHOES = List.of("echo-text");
    public static final List<String> NOTICES = List.of("notice-app-state-sync", "notice-history", "notice-error");

    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String GUEST = "34600111222";

    private MetaFixtures() {
    }

    public static List<String> all() {
        return java.util.stream.Stream.of(MESSAGES, STATUSES, ECHOES, NOTICES).flatMap(List::stream).toList();
    }

    public static byte[] body(String name) {
        try (InputStream in = MetaFixtures.class.getResourceAsStream("/meta/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
