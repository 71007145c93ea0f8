package io.dinechat.reservation.web;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.domain.BookingRules;
import io.dinechat.reservation.domain.BookingRules.TurnTime;
import io.dinechat.reservation.persistence.FloorStore;
import io.dinechat.reservation.persistence.FloorStore.Area;
import io.dinechat.reservation.persistence.FloorStore.TableSetup;
import io.dinechat.reservation.persistence.ProviderConnections;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.dinechat.reservation.provider.ExternalProviders;
import io.dinechat.reservation.provider.ProviderUnavailableException;
import io.dinechat.reservation.provider.sevenrooms.SevenRoomsProvider;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a business takes bookings: areas, tables, booking rules and external provider connections.
 * Staff may look; owners (or a platform admin acting for them) change it. Secrets go in and never
 * come out: a connection is shown with {@code hasSecret} only.
 */
@RestController
@RequestMapping("/api/reservations")
class SetupController {

    record AreaForm(UUID branchId, String name) {
    }

    record TableForm(UUID branchId, UUID areaId, String label, Integer seatsMin, Integer seatsMax, Boolean combinable,
            String combinationGroup, Boolean active) {
    }

    record RulesForm(Integer slotMinutes, Integer bufferMinutes, List<TurnTime> turnTimes, Integer maxCoversPerSlot,
            Integer leadTimeMinutes, Integer maxDaysAhead, Integer maxPartySize, Integer approvalAbovePartySize,
            List<String> blackoutDates) {
    }

    record ConnectionForm(UUID branchId, String kind, String baseUrl, String venueId, String clientId,
            String clientSecret, Integer timeoutMs, Boolean enabled) {

        @Override
        public String toString() {
            return "ConnectionForm[" + kind + ", " + baseUrl + "]"; // never the secret
        }
    }

    record ConnectionView(UUID id, UUID branchId, String kind, String baseUrl, String venueId, String clientId,
            long timeoutMs, boolean enabled, boolean hasSecret, String circuit) {
    }

    record ConnectionTest(boolean ok, long latencyMs, String problem) {
    }

    private final TenantTransactions tenants;
    private final FloorStore floor;
    private final ProviderConnections connections;
    private final ExternalProviders external;
    private final CredentialCipher cipher;
    private final AuditTrail audit;

    SetupController(TenantTransactions tenants, FloorStore floor, ProviderConnections connections,
            ExternalProviders external, CredentialCipher cipher, AuditTrail audit) {
        this.tenants = tenants;
        this.floor = floor;
        this.connections = connections;
        this.external = external;
        this.cipher = cipher;
        this.audit = audit;
    }

    // Areas and tables.

    @GetMapping("/areas")
    Flux<Area> areas(@RequestParam(required = false) UUID branchId) {
        return staff().flatMapMany(actor -> tenants.inTenantMany(actor.tenantId(), () -> floor.areas(branchId)));
    }

    @PostMapping("/areas")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Area> addArea(@RequestBody AreaForm form) {
        InvalidRequest.require(form.branchId() != null, "branchId is required");
        InvalidRequest.require(form.name() != null && !form.name().isBlank() && form.name().length() <= 100,
                "name is required (at most 100 characters)");
        Area area = new Area(UUID.randomUUID(), form.branchId(), form.name().strip());
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.saveArea(actor.tenantId(), area)
                .then(audit.record(actor, "dining_area.created", "dining_area", area.id(), null, area))
                .thenReturn(area)));
    }

    @GetMapping("/tables")
    Flux<TableSetup> tables(@RequestParam(required = false) UUID branchId) {
        return staff().flatMapMany(actor -> tenants.inTenantMany(actor.tenantId(), () -> floor.tables(branchId)));
    }

    @PostMapping("/tables")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TableSetup> addTable(@RequestBody TableForm form) {
        TableSetup table = table(UUID.randomUUID(), form);
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.saveTable(actor.tenantId(), table)
                .then(audit.record(actor, "dining_table.created", "dining_table", table.id(), null, table))
                .thenReturn(table)));
    }

    @PutMapping("/tables/{id}")
    Mono<TableSetup> updateTable(@PathVariable UUID id, @RequestBody TableForm form) {
        TableSetup table = table(id, form);
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.table(id)
                .switchIfEmpty(Mono.error(() -> new InvalidRequest("no such table")))
                .flatMap(before -> floor.saveTable(actor.tenantId(), table)
                        .then(audit.record(actor, "dining_table.updated", "dining_table", id, before, table)))
                .thenReturn(table)));
    }

    /** Retires a table: it takes no new bookings and keeps its history. */
    @DeleteMapping("/tables/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> retireTable(@PathVariable UUID id) {
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.retireTable(id)
                .flatMap(found -> found ? audit.record(actor, "dining_table.retired", "dining_table", id, null, null)
                        : Mono.error(new InvalidRequest("no such table")))));
    }

    // Booking rules.

    @GetMapping("/rules")
    Mono<BookingRules> rules(@RequestParam UUID branchId) {
        return staff().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.rules(branchId)));
    }

    @PutMapping("/rules")
    Mono<BookingRules> saveRules(@RequestParam UUID branchId, @RequestBody RulesForm form) {
        BookingRules defaults = BookingRules.defaults();
        BookingRules rules;
        try {
            Set<LocalDate> blackouts = new HashSet<>();
            for (String d : form.blackoutDates() == null ? List.<String>of() : form.blackoutDates()) {
                blackouts.add(LocalDate.parse(d));
            }
            rules = new BookingRules(or(form.slotMinutes(), defaults.slotMinutes()),
                    or(form.bufferMinutes(), defaults.bufferMinutes()),
                    form.turnTimes() == null ? defaults.turnTimes() : form.turnTimes(), form.maxCoversPerSlot(),
                    or(form.leadTimeMinutes(), defaults.leadTimeMinutes()), or(form.maxDaysAhead(), defaults.maxDaysAhead()),
                    or(form.maxPartySize(), defaults.maxPartySize()), form.approvalAbovePartySize(), blackouts);
        } catch (RuntimeException e) {
            throw new InvalidRequest("booking rules out of range: " + e.getMessage());
        }
        InvalidRequest.require(rules.slotMinutes() <= 120 && rules.bufferMinutes() <= 120
                && rules.turnTimes().stream().allMatch(t -> t.minutes() >= 15 && t.minutes() <= 600),
                "slotMinutes and bufferMinutes at most 120, turn times between 15 and 600 minutes");
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> floor.rules(branchId)
                .flatMap(before -> floor.saveRules(actor.tenantId(), branchId, rules)
                        .then(audit.record(actor, "booking_rules.updated", "branch", branchId, before, rules)))
                .thenReturn(rules)));
    }

    // Provider connections.

    @GetMapping("/connections")
    Flux<ConnectionView> connections() {
        return manager().flatMapMany(actor -> tenants.inTenantMany(actor.tenantId(), connections::all)).map(this::view);
    }

    @PostMapping("/connections")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConnectionView> connect(@RequestBody ConnectionForm form) {
        InvalidRequest.require(form.branchId() != null, "branchId is required");
        InvalidRequest.require(SevenRoomsProvider.KIND.equals(form.kind()), "kind must be sevenrooms");
        InvalidRequest.require(isHttpUrl(form.baseUrl()), "baseUrl must be an http(s) URL");
        InvalidRequest.require(present(form.venueId()) && present(form.clientId()) && present(form.clientSecret()),
                "venueId, clientId and clientSecret are required");
        int timeout = form.timeoutMs() == null ? 2500 : form.timeoutMs();
        InvalidRequest.require(timeout >= 200 && timeout <= 20_000, "timeoutMs must be between 200 and 20000");
        return manager().flatMap(actor -> {
            Connection connection = new Connection(UUID.randomUUID(), actor.tenantId(), form.branchId(), form.kind(),
                    form.baseUrl().replaceAll("/+$", ""), form.venueId(), form.clientId(),
                    cipher.encrypt(actor.tenantId(), form.clientSecret()), Duration.ofMillis(timeout),
                    form.enabled() == null || form.enabled());
            return tenants.inTenant(actor.tenantId(), () -> connections.enabledFor(form.branchId())
                    .flatMap(existing -> Mono.<Connection>error(new InvalidRequest(
                            "this branch already has a connection; delete it first")))
                    .then(connections.save(connection))
                    .then(audit.record(actor, "provider_connection.created", "provider_connection", connection.id(),
                            null, auditView(connection)))
                    .thenReturn(view(connection)));
        });
    }

    @DeleteMapping("/connections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> disconnect(@PathVariable UUID id) {
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> connections.byId(id)
                .switchIfEmpty(Mono.error(() -> new InvalidRequest("no such connection")))
                .flatMap(c -> connections.delete(id)
                        .then(audit.record(actor, "provider_connection.deleted", "provider_connection", id,
                                auditView(c), null)))
                .doOnSuccess(v -> external.forget(id))));
    }

    /** Authenticates with the stored credentials and reads today's availability; says what failed, never a secret. */
    @PostMapping("/connections/{id}/test")
    Mono<ConnectionTest> test(@PathVariable UUID id) {
        return manager().flatMap(actor -> tenants.inTenant(actor.tenantId(), () -> connections.byId(id))
                .switchIfEmpty(Mono.error(() -> new InvalidRequest("no such connection")))
                .flatMap(connection -> {
                    long start = System.nanoTime();
                    return external.test(connection)
                            .then(Mono.fromSupplier(() -> new ConnectionTest(true, (System.nanoTime() - start) / 1_000_000,
                                    null)))
                            .onErrorResume(ProviderUnavailableException.class, e -> Mono.just(new ConnectionTest(false,
                                    (System.nanoTime() - start) / 1_000_000, e.getMessage())));
                }));
    }

    private ConnectionView view(Connection c) {
        return new ConnectionView(c.id(), c.branchId(), c.kind(), c.baseUrl(), c.venueId(), c.clientId(),
                c.timeout().toMillis(), c.enabled(), c.sealedSecret() != null,
                external.breakerOf(c.id()).getState().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Map<String, Object> auditView(Connection c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("branchId", c.branchId().toString());
        v.put("kind", c.kind());
        v.put("baseUrl", c.baseUrl());
        v.put("venueId", c.venueId());
        v.put("clientId", c.clientId());
        return v;
    }

    private static TableSetup table(UUID id, TableForm form) {
        InvalidRequest.require(form.branchId() != null, "branchId is required");
        InvalidRequest.require(present(form.label()) && form.label().length() <= 50, "label is required (at most 50 characters)");
        int min = form.seatsMin() == null ? 1 : form.seatsMin();
        InvalidRequest.require(form.seatsMax() != null && min >= 1 && form.seatsMax() >= min && form.seatsMax() <= 100,
                "seatsMax is required, at least seatsMin (>= 1) and at most 100");
        return new TableSetup(id, form.branchId(), form.areaId(), form.label().strip(), min, form.seatsMax(),
                Boolean.TRUE.equals(form.combinable()), present(form.combinationGroup()) ? form.combinationGroup().strip() : null,
                form.active() == null || form.active());
    }

    private static Mono<Actor> staff() {
        return Actors.require(Role.OWNER, Role.STAFF, Role.PLATFORM_ADMIN);
    }

    private static Mono<Actor> manager() {
        return Actors.requireManager();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
