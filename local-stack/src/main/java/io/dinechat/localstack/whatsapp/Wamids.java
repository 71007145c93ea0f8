package io.dinechat.localstack.whatsapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids shaped like Meta's: {@code wamid.} plus base64 of a small binary record holding the
 * chat's WhatsApp id and a random hex id. Code that treats wamids as opaque strings (as it should)
 * sees realistic lengths and characters, including {@code +}, {@code /} and {@code =}.
 */
final class Wamids {

    private static final byte[] RECORD_HEAD = {0x1C, 0x18};
    private static final byte[] ID_FIELD_HEAD = {0x15, 0x02, 0x00, 0x11, 0x18, 0x12};
    private static final int RANDOM_BYTES = 9;

    private Wamids() {
    }

    static String next(String waId) {
        byte[] chat = waId.getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[RANDOM_BYTES];
        ThreadLocalRandom.current().nextBytes(random);
        byte[] hexId = HexFormat.of().withUpperCase().formatHex(random).getBytes(StandardCharsets.US_ASCII);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(RECORD_HEAD);
        record.write(Math.min(chat.length, 127));
        record.write(chat, 0, Math.min(chat.length, 127));
        record.writeBytes(ID_FIELD_HEAD);
        record.writeBytes(hexId);
        record.write(0);
        return "wamid." + Base64.getEncoder().encodeToString(record.toByteArray());
    }
}
