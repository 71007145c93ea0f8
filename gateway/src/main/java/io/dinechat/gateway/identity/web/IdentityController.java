package io.dinechat.gateway.identity.web;

import io.dinechat.gateway.edge.ClientAddress;
import io.dinechat.gateway.edge.CsrfProtection;
import io.dinechat.gateway.identity.application.Accounts;
import io.dinechat.gateway.identity.application.Me;
import io.dinechat.gateway.identity.application.OneTimeSecrets;
import io.dinechat.gateway.identity.application.PasswordResets;
import io.dinechat.gateway.identity.application.Refusal;
import io.dinechat.gateway.identity.application.SignedInUser;
import io.dinechat.gateway.identity.application.Team;
import io.dinechat.gateway.identity.application.TwoFactor;
import io.dinechat.gateway.identity.domain.NewBusiness;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The identity REST API the dashboard calls (docs/contracts.md, "Identity REST"). */
@RestController
@RequestMapping("/api/identity")
class IdentityController {

    record SignUpRequest(String businessName, String businessType, String ownerName, String email, String password,
            String timeZone, String defaultLanguage, String currency) {
    }

    record LoginRequest(String email, String password, String totpCode) {
    }

    record EmailRequest(String email) {
    }

    record ConfirmRequest(String token, String newPassword) {
    }

    record CodeRequest(String code) {
    }

    record InviteRequest(String email, String name, String role) {
    }

    record RoleRequest(String role) {
    }

    record TenantRequest(UUID tenantId) {
    }

    record ActAsRequest(UUID tenantId, String reason) {
    }

    private final Accounts accounts;
    private final PasswordResets resets;
    private final TwoFactor twoFactor;
    private final Team team;
    private final SessionCookies cookies;

    IdentityController(Accounts accounts, PasswordResets resets, TwoFactor twoFactor, Team team, SessionCookies cookies) {
        this.accounts = accounts;
        this.resets = resets;
        this.twoFactor = twoFactor;
        this.team = team;
        this.cookies = cookies;
    }

    /** Gives the SPA its CSRF token (keeping the current one, so parallel tabs agree). */
    @GetMapping("/csrf")
    ResponseEntity<Void> csrf(ServerWebExchange exchange) {
        HttpCookie existing = exchange.getRequest().getCookies().getFirst(CsrfProtection.COOKIE);
        String token = existing != null && existing.getValue().length() >= 32 ? existing.getValue() : OneTimeSecrets.newSecret();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.csrf(token).toString()).build();
    }

    @PostMapping("/signup")
    Mono<ResponseEntity<Me>> signUp(@RequestBody SignUpRequest body, ServerWebExchange exchange) {
        NewBusiness form = new NewBusiness(body.businessName(), body.businessType(), body.ownerName(), body.email(),
                body.password(), body.timeZone(), body.defaultLanguage(), body.currency());
        return accounts.signUp(form, ClientAddress.of(exchange))
                .map(signedIn -> withSession(ResponseEntity.status(HttpStatus.CREATED), signedIn));
    }

    @PostMapping("/login")
    Mono<ResponseEntity<Me>> login(@RequestBody LoginRequest body, ServerWebExchange exchange) {
        return accounts.login(body.email(), body.password(), body.totpCode(), ClientAddress.of(exchange))
                .map(signedIn -> withSession(ResponseEntity.ok(), signedIn));
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        SignedInUser user = SessionResolution.signedIn(exchange);
        Mono<Void> close = user == null ? Mono.empty() : accounts.logout(user);
        return close.thenReturn(ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.expiredSession().toString()).build());
    }

    @GetMapping("/me")
    Mono<Me> me(ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(accounts::me);
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> requestReset(@RequestBody EmailRequest body) {
        return resets.request(body.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmReset(@RequestBody ConfirmRequest body) {
        return resets.confirm(body.token(), body.newPassword());
    }

    @PostMapping("/totp/setup")
    Mono<TwoFactor.Setup> totpSetup(ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(twoFactor::setup);
    }

    @PostMapping("/totp/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> totpEnable(@RequestBody CodeRequest body, ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(u -> twoFactor.enable(u, body.code(), ClientAddress.of(exchange)));
    }

    @DeleteMapping("/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> totpDisable(ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(u -> twoFactor.disable(u, ClientAddress.of(exchange)));
    }

    @GetMapping("/members")
    Mono<List<Team.TeamMember>> members(ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(team::members);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Team.TeamMember> invite(@RequestBody InviteRequest body, ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(u -> team.invite(u, body.email(), body.name(), body.role(),
                ClientAddress.of(exchange)));
    }

    @PatchMapping("/members/{userId}")
    Mono<Team.TeamMember> changeRole(@PathVariable UUID userId, @RequestBody RoleRequest body, ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(u -> team.changeRole(u, userId, body.role(), ClientAddress.of(exchange)));
    }

    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable UUID userId, ServerWebExchange exchange) {
        return signedIn(exchange).flatMap(u -> team.remove(u, userId, ClientAddress.of(exchange)));
    }

    @PostMapping("/switch-tenant")
    Mono<Me> switchTenant(@RequestBody TenantRequest body, ServerWebExchange exchange) {
        if (body.tenantId() == null) {
            return Mono.error(new Refusal(Refusal.Kind.INVALID_INPUT, "tenantId is required"));
        }
        return signedIn(exchange).flatMap(u -> accounts.switchTenant(u, body.tenantId()));
    }

    @PostMapping("/act-as")
    Mono<Me> actAs(@RequestBody ActAsRequest body, ServerWebExchange exchange) {
        if (body.tenantId() == null) {
            return Mono.error(new Refusal(Refusal.Kind.INVALID_INPUT, "tenantId is required"));
        }
        return signedIn(exchange).flatMap(u -> accounts.actAs(u, body.tenantId(), body.reason(), ClientAddress.of(exchange)));
    }

    private static Mono<SignedInUser> signedIn(ServerWebExchange exchange) {
        SignedInUser user = SessionResolution.signedIn(exchange);
        return user != null ? Mono.just(user)
                : Mono.error(new Refusal(Refusal.Kind.UNAUTHENTICATED, "Please sign in."));
    }

    /** A new session, and a new CSRF token with it (the old one belonged to the signed-out page). */
    private ResponseEntity<Me> withSession(ResponseEntity.BodyBuilder response, Accounts.SignedIn signedIn) {
        return response.header(HttpHeaders.SET_COOKIE, cookies.session(signedIn.sessionSecret()).toString())
                .header(HttpHeaders.SET_COOKIE, cookies.csrf(OneTimeSecrets.newSecret()).toString())
                .body(signedIn.me());
    }
}
