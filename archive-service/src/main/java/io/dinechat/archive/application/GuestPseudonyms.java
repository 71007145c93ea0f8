package io.dinechat.archive.application;

import io.dinechat.archive.config.ArchiveProperties;
import io.dinechat.archive.persistence.GuestErasures;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who was erased, without keeping who: a guest is remembered by HMAC(key, tenant | phone), and
 * replaced everywhere by a random pseudonym that says nothing about the number.
 */
@Component
public class GuestPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GuestErasures erasures;
    private final SecretKeySpec key;

    public GuestPseudonyms(GuestErasures erasures, ArchiveProperties properties) {
        this.erasures = erasures;
        String configured = properties.privacy().pseudonymKey();
        if (configured.isBlank()) {
            LoggerFactory.getLogger(GuestPseudonyms.class).warn(
                    "DINECHAT_ARCHIVE_PSEUDONYM_KEY is not set: using a local-only key; set one in production");
            configured = "dinechat-local-only-pseudonym-key";
        }
        this.key = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Digits only: "+33 6 12..." and "33612..." are the same guest (WhatsApp ids are E.164 digits). */
    public static String normalise(String phone) {
        return phone == null ? null : phone.replaceAll("\\D", "");
    }

    public String guestHash(String tenantId, String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((tenantId + "|" + normalise(phone)).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pseudonym that replaces an erased guest, empty when the guest was not erased. */
    public Mono<String> erasedAs(String tenantId, String phone) {
        if (tenantId == null || phone == null || phone.isBlank()) {
            return Mono.empty();
        }
        return erasures.pseudonymOf(guestHash(tenantId, phone));
    }

    /** Remembers the erasure (keeping the pseudonym given the first time) and answers the pseudonym. */
    public Mono<String> erase(String tenantId, String phone, Instant at) {
        String hash = guestHash(tenantId, phone);
        return erasures.pseudonymOf(hash).switchIfEmpty(Mono.defer(() -> {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            String pseudonym = "erased-" + HexFormat.of().formatHex(random);
            return erasures.remember(hash, tenantId, pseudonym, at).thenReturn(pseudonym);
        }));
    }
}
