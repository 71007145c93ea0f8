package io.dinechat.localstack.whatsapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A two-restaurant setup shared by the simulator's tests. */
final class SimulatorFixtures {

    static final String APP_SECRET = "test-app-secret";
    static final String WABA_ID = "209876543210987";
    static final String SAFFRON = "106540352242922";
    static final String SAFFRON_TOKEN = "EAAG-saffron-test-token";
    static final String OLIVE = "106540352242923";
    static final String OLIVE_TOKEN = "EAAG-olive-test-token";
    static final String GUEST = "971501234567";

    private SimulatorFixtures() {
    }

    static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder()
                .appSecret(APP_SECRET)
                .wabaId(WABA_ID)
                .number(SAFFRON, "+971 4 555 0100", "Saffron House", SAFFRON_TOKEN)
                .number(OLIVE, "+971 4 555 0200", "Olive Tree", OLIVE_TOKEN);
    }

    static URI messagesUri(WhatsAppSimulator simulator, String phoneNumberId) {
        return URI.create(simulator.graphApiBaseUrl() + "/" + phoneNumberId + "/messages");
    }

    static String textSend(String to, String body) {
        return """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"preview_url":false,"body":"%s"}}""".formatted(to, body);
    }

    static String buttonSend(String to, String body, String... idTitlePairs) {
        StringBuilder buttons = new StringBuilder();
        for (int i = 0; i < idTitlePairs.length; i += 2) {
            if (!buttons.isEmpty()) {
                buttons.append(',');
            }
            buttons.append("{\"type\":\"reply\",\"reply\":{\"id\":\"%s\",\"title\":\"%s\"}}"
                    .formatted(idTitlePairs[i], idTitlePairs[i + 1]));
        }
        return """
                {"messaging_product":"whatsapp","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"%s"},"action":{"buttons":[%s]}}}"""
                .formatted(to, body, buttons);
    }

    /** Computed here with the JDK only, independently of the simulator's own signing. */
    static String expectedSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
