package io.dinechat.order.catalog.storage;

import io.dinechat.order.catalog.application.ImageStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Production's object store: one signed {@code PUT /{bucket}/{key}} (path style, which S3, MinIO
 * and R2 all accept) per photo. Photos are served by the store or its CDN at {@code publicBaseUrl}.
 * The secret key is used to sign and never logged.
 */
public class S3ImageStore implements ImageStore {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final WebClient http;
    private final Settings settings;
    private final Clock clock;

    public S3ImageStore(WebClient.Builder http, Settings settings, Clock clock) {
        this.http = http.build();
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<String> put(String key, String contentType, byte[] bytes) {
        return Mono.defer(() -> {
            URI endpoint = URI.create(settings.endpoint().replaceAll("/+$", ""));
            String path = SigV4.encodePath("/" + settings.bucket() + "/" + key);
            String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
            String amzDate = AMZ_DATE.format(clock.instant());
            String payloadHash = SigV4.sha256Hex(bytes);
            Map<String, String> signed = new LinkedHashMap<>();
            signed.put("host", host);
            signed.put("content-type", contentType);
            signed.put("x-amz-content-sha256", payloadHash);
            signed.put("x-amz-date", amzDate);
            String authorization = SigV4.authorization("PUT", path, "", signed, payloadHash, amzDate, settings.region(),
                    "s3", settings.accessKey(), settings.secretKey());
            return http.put().uri(URI.create(endpoint + path))
                    .header(HttpHeaders.CONTENT_TYPE, contentType)
                    .header("x-amz-content-sha256", payloadHash)
                    .header("x-amz-date", amzDate)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .bodyValue(bytes)
                    .retrieve()
                    .toBodilessEntity()
                    .timeout(settings.timeout())
                    .thenReturn(settings.publicBaseUrl().replaceAll("/+$", "") + "/" + key);
        });
    }

    /**
     * {@code DINECHAT_MEDIA_S3_*}: the store's endpoint (e.g. https://s3.eu-west-1.amazonaws.com),
     * bucket, region, credentials, and the public URL prefix photos are served from.
     */
    @ConfigurationProperties("dinechat.media.s3")
    public record Settings(@DefaultValue("") String endpoint, @DefaultValue("") String bucket,
            @DefaultValue("us-east-1") String region, @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey, @DefaultValue("") String publicBaseUrl,
            @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "S3 settings (endpoint " + endpoint + ", bucket " + bucket + ", region " + region + ")";
        }
    }
}
