package io.dinechat.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.platform.config.PlatformAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Stored credentials must outlive the process wherever the platform is deployed. */
class CredentialKeysetTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

    @Test
    void aDeployedServiceRefusesToStartWithoutTheKeyset() {
        context.withPropertyValues("dinechat.credentials.require-keyset=true")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("DINECHAT_CREDENTIALS_KEYSET is required"));
    }

    @Test
    void aGivenKeysetDecryptsWhatAnotherInstanceWithTheSameKeysetEncrypted() {
        String keyset = CredentialCipher.newKeysetJson();
        UUID tenant = UUID.randomUUID();
        String sealed = CredentialCipher.fromKeyset(keyset).encrypt(tenant, "EAAG-token");

        context.withPropertyValues("dinechat.credentials.require-keyset=true", "dinechat.credentials.keyset=" + keyset)
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(CredentialCipher.class).decrypt(tenant, sealed)).isEqualTo("EAAG-token");
                });
    }

    @Test
    void locallyAThrowawayKeyIsUsed() {
        context.run(started -> assertThat(started).hasSingleBean(CredentialCipher.class));
    }
}
