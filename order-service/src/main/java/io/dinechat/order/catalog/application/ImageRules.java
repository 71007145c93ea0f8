package io.dinechat.order.catalog.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the dashboard may upload as a photo: JPEG, PNG or WebP, recognised by their first bytes
 * (the declared content type is not trusted), at most {@code maxBytes}.
 */
public final class ImageRules {

    private ImageRules() {
    }

    /** @return the file extension of a recognised image, empty when the bytes are not one */
    public static Optional<String> kindOf(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("jpg");
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("png");
        }
        if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    public static String contentType(String extension) {
        return switch (extension) {
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> "image/webp";
        };
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
