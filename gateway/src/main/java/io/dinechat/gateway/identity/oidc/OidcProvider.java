package io.dinechat.gateway.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.dinechat.gateway.config.OidcProperties;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The provider as the gateway talks to it over HTTP: its discovery document (read lazily, kept an
 * hour, so the gateway starts while the provider is down), its signing keys (kept until an ID
 * token names a key they lack, then read again at most every 30 s, which follows a key rotation
 * without letting forged key ids hammer the provider), and the token endpoint (authorization code
 * with PKCE, client_secret_basic).
 */
class OidcProvider {

    /** Asymmetric algorithms only: never {@code none}, never HMAC keyed with the client secret. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final Duration KEYS_REFRESH_PAUSE = Duration.ofSeconds(30);
    private static final int MAX_BODY = 256 * 1024;

    /** What discovery tells about the provider. */
    record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
            Set<JWSAlgorithm> signingAlgorithms) {
    }

    /** The provider could not be reached or answered something unusable; the detail stays in the log. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** The token endpoint refused the code (used, expired, or not ours). */
    static final class CodeRefused extends RuntimeException {
        CodeRefused(String message) {
            super(message, null, false, false);
        }
    }

    private record CachedKeys(JWKSet keys, Instant fetchedAt) {
    }

    private final OidcProperties settings;
    private final WebClient http;
    private final Clock clock;
    private final Mono<Metadata> metadata;
    private final AtomicReference<CachedKeys> keys = new AtomicReference<>();

    OidcProvider(OidcProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 10_000))
                .responseTimeout(settings.timeout());
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(MAX_BODY)).build();
        // Cached only when it worked: a provider that was down at the first sign-in is asked again.
        this.metadata = Mono.defer(this::discover)
                .cache(found -> METADATA_LIFETIME, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Metadata> metadata() {
        return metadata;
    }

    /** The provider's current keys; {@code fresh} asks the provider again unless that was done moments ago. */
    Mono<JWKSet> keys(Metadata provider, boolean fresh) {
        CachedKeys cached = keys.get();
        if (cached != null && (!fresh || cached.fetchedAt().plus(KEYS_REFRESH_PAUSE).isAfter(clock.instant()))) {
            return Mono.just(cached.keys());
        }
        return get(provider.jwksUri()).map(body -> {
            try {
                JWKSet set = JWKSet.parse(body);
                keys.set(new CachedKeys(set, clock.instant()));
                return set;
            } catch (ParseException e) {
                throw new Unavailable("the provider's JWKS is not a JWK set", e);
            }
        });
    }

    /** Exchanges the authorization code for the token response and returns its ID token. */
    Mono<String> redeem(Metadata provider, String code, String codeVerifier, URI redirectUri) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        form.add("code_verifier", codeVerifier);
        return http.post().uri(provider.tokenEndpoint())
                .header(HttpHeaders.AUTHORIZATION, basic(settings.clientId(), settings.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(String.class)
                .onErrorMap(WebClientResponseException.class, e -> e.getStatusCode().is4xxClientError()
                        ? new CodeRefused("the token endpoint answered " + e.getStatusCode().value() + " " + oauthError(e))
                        : new Unavailable("the token endpoint answered " + e.getStatusCode().value(), e))
                .onErrorMap(e -> !(e instanceof CodeRefused) && !(e instanceof Unavailable),
                        e -> new Unavailable("the token endpoint is unreachable", e))
                .map(body -> {
                    Map<String, Object> json = parse(body, "token response");
                    if (!(json.get("id_token") instanceof String idToken) || idToken.isBlank()) {
                        throw new Unavailable("the token response carries no id_token", null);
                    }
                    return idToken;
                });
    }

    private Mono<Metadata> discover() {
        return get(settings.discoveryUri()).map(body -> {
            Map<String, Object> json = parse(body, "discovery document");
            // Discovery section 4.3: the document must name exactly the issuer that was asked.
            if (!settings.issuerId().equals(json.get("issuer"))) {
                throw new Unavailable("the discovery document names issuer " + json.get("issuer")
                        + ", not the configured " + settings.issuerId(), null);
            }
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            if (json.get("id_token_signing_alg_values_supported") instanceof List<?> advertised) {
                advertised.stream().map(String::valueOf).map(JWSAlgorithm::parse).filter(ACCEPTED_ALGORITHMS::contains)
                        .forEach(algorithms::add);
            }
            if (algorithms.isEmpty()) {
                algorithms.add(JWSAlgorithm.RS256);
            }
            return new Metadata(settings.issuerId(), endpoint(json, "authorization_endpoint"),
                    endpoint(json, "token_endpoint"), endpoint(json, "jwks_uri"), Set.copyOf(algorithms));
        });
    }

    private Mono<String> get(URI uri) {
        return http.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new Unavailable(uri + " answered an empty body", null)))
                .onErrorMap(e -> !(e instanceof Unavailable), e -> new Unavailable(uri + " did not answer usably", e));
    }

    private static URI endpoint(Map<String, Object> json, String name) {
        if (!(json.get(name) instanceof String value) || value.isBlank()) {
            throw new Unavailable("the discovery document lacks " + name, null);
        }
        return URI.create(value);
    }

    private static Map<String, Object> parse(String body, String what) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new Unavailable("the provider's " + what + " is not JSON", e);
        }
    }

    /** RFC 6749 section 2.3.1: both parts form-encoded before Base64. */
    static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The OAuth error code only (invalid_grant...), never the provider's free text. */
    private static String oauthError(WebClientResponseException e) {
        try {
            Object error = JSONObjectUtils.parse(e.getResponseBodyAsString()).get("error");
            return error instanceof String code && code.matches("[a-z_]{1,40}") ? code : "";
        } catch (ParseException | RuntimeException unreadable) {
            return "";
        }
    }
}
