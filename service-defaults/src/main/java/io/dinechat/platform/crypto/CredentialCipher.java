package io.dinechat.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts third-party credentials (WhatsApp access tokens, provider keys) with an AEAD whose
 * associated data is the owning business, so a ciphertext copied into another tenant's row fails
 * to decrypt. Plaintexts never leave this class except to the adapter about to use them.
 */
public final class CredentialCipher {

    private final Aead aead;

    private CredentialCipher(Aead aead) {
        this.aead = aead;
    }

    /** @param keysetJson a Tink JSON keyset (from a Kubernetes Secret or a KMS-backed variable in production) */
    public static CredentialCipher fromKeyset(String keysetJson) {
        try {
            AeadConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new CredentialCipher(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credentials keyset is not a valid Tink AEAD keyset", e);
        }
    }

    /** A fresh AES-256-GCM keyset, printed by the local stack and used where no keyset is configured. */
    public static String newKeysetJson() {
        try {
            AeadConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a credentials keyset", e);
        }
    }

    public String encrypt(UUID tenantId, String secret) {
        try {
            byte[] sealed = aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(tenantId));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a credential", e);
        }
    }

    public String decrypt(UUID tenantId, String sealed) {
        try {
            byte[] plain = aead.decrypt(Base64.getDecoder().decode(sealed), associatedData(tenantId));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Deliberately vague: never echo ciphertext or key material.
            throw new IllegalStateException("A stored credential cannot be decrypted for business " + tenantId, e);
        }
    }

    private static byte[] associatedData(UUID tenantId) {
        return ("tenant:" + tenantId).getBytes(StandardCharsets.UTF_8);
    }
}
