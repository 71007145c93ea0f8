package io.dinechat.order.catalog.storage;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The object store for photos: local files served at {@code /media/**} by default (the local
 * stack), an S3-compatible store with {@code DINECHAT_MEDIA_STORE=s3}.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "dinechat.media.store", havingValue = "local", matchIfMissing = true)
    static class LocalFiles {

        @Bean
        LocalImageStore localImageStore(LocalImageStore.Settings settings) {
            return new LocalImageStore(settings);
        }

        @Bean
        RouterFunction<ServerResponse> media(LocalImageStore.Settings settings) {
            String root = java.nio.file.Path.of(settings.directory()).toAbsolutePath().normalize() + "/";
            return RouterFunctions.resources("/media/**", new FileSystemResource(root));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "dinechat.media.store", havingValue = "s3")
    static class S3 {

        @Bean
        S3ImageStore s3ImageStore(WebClient.Builder http, S3ImageStore.Settings settings, Clock clock) {
            if (settings.endpoint().isBlank() || settings.bucket().isBlank() || settings.accessKey().isBlank()
                    || settings.secretKey().isBlank() || settings.publicBaseUrl().isBlank()) {
                throw new IllegalStateException("DINECHAT_MEDIA_STORE=s3 needs DINECHAT_MEDIA_S3_ENDPOINT, _BUCKET, "
                        + "_ACCESS_KEY, _SECRET_KEY and _PUBLIC_BASE_URL");
            }
            return new S3ImageStore(http, settings, clock);
        }
    }
}
