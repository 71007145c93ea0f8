package io.dinechat.platform.security;

import io.dinechat.platform.config.PlatformProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every service's dashboard API ({@code /api/**}) accepts only the gateway's signed token; the
 * rest (actuator probes, webhooks with their own signatures) stays as it was. Stateless: no
 * sessions, no CSRF here (the gateway does both for the browser).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, ReactiveJwtDecoder.class})
@ConditionalOnProperty(name = "dinechat.identity.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlatformProperties.class)
@EnableWebFluxSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder gatewayTokenDecoder(PlatformProperties properties) {
        var identity = properties.identity();
        return GatewayTokens.decoder(identity.jwkSet(), identity.jwksUri());
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain serviceApiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(token -> Mono.just(
                                        new ActorAuthentication(GatewayTokens.toActor(token), token))))
                        .authenticationEntryPoint((exchange, denied) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "A valid gateway token is required."))
                        .accessDeniedHandler((exchange, denied) -> problem(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "You may not do this.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "A valid gateway token is required."))
                        .accessDeniedHandler((exchange, denied) -> problem(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "You may not do this.")))
                .build();
    }

    /** problem+json written by hand: these answers happen before any controller or advice runs. */
    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json = "{\"type\":\"https://dinechat.io/problems/" + type + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}";
        DataBuffer body = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
