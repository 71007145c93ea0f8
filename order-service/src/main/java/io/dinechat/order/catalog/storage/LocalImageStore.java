package io.dinechat.order.catalog.storage;

import io.dinechat.order.catalog.application.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The local stack's object store: files under a directory, served by this service at
 * {@code /media/**} (see MediaConfiguration). Production uses an S3-compatible store behind the
 * same {@link ImageStore} port (not built yet: see the README).
 */
public class LocalImageStore implements ImageStore {

    private final Path root;
    private final String publicBaseUrl;

    public LocalImageStore(Settings settings) {
        this.root = Path.of(settings.directory()).toAbsolutePath().normalize();
        this.publicBaseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
    }

    @Override
    public Mono<String> put(String key, String contentType, byte[] bytes) {
        return Mono.fromCallable(() -> {
            Path target = root.resolve(key).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("key escapes the media directory");
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return publicBaseUrl + "/" + key;
        }).subscribeOn(Schedulers.boundedElastic()); // file IO blocks: never on an event-loop thread
    }

    public Path root() {
        return root;
    }

    /**
     * @param directory     where files are written ({@code DINECHAT_MEDIA_DIRECTORY})
     * @param publicBaseUrl the URL prefix they are served from ({@code DINECHAT_MEDIA_PUBLIC_BASE_URL})
     * @param maxBytes      the largest photo accepted
     */
    @ConfigurationProperties("dinechat.media")
    public record Settings(@DefaultValue(".dinechat/media") String directory,
            @DefaultValue("http://localhost:8084/media") String publicBaseUrl,
            @DefaultValue("2097152") int maxBytes) {
    }
}
