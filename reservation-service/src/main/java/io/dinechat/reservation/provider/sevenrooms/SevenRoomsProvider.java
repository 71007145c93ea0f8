package io.dinechat.reservation.provider.sevenrooms;

import io.dinechat.reservation.domain.ProviderTypes.Availability;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingOutcome;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.Declined;
import io.dinechat.reservation.domain.ProviderTypes.ProviderReservation;
import io.dinechat.reservation.domain.ProviderTypes.SlotSearch;
import io.dinechat.reservation.domain.ReasonCode;
import io.dinechat.reservation.domain.Refusal;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.dinechat.reservation.provider.ProviderResilience;
import io.dinechat.reservation.provider.ProviderUnavailableException;
import io.dinechat.reservation.provider.ReservationProvider;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * An adapter for a SevenRooms-style reservation API (API v2.2 shape): {@code POST /auth} with the
 * client id and secret as form fields returns a token sent raw in {@code Authorization};
 * {@code GET /venues/{venue}/availability} (slots of type {@code book}, or {@code request} where the
 * venue approves), {@code PUT /venues/{venue}/book} (a {@code REQUESTED} answer is our pending),
 * {@code GET|PUT /reservations/{id}} and
 * {@code PUT /reservations/{id}/cancel}; bodies are {@code {"status": 200, "data": {...}}} and
 * errors {@code {"status": 4xx|5xx, "msg": "..."}}. Times are the venue's local times.
 *
 * <p>Every call has the connection's timeout and goes through its circuit breaker; only the
 * idempotent ones (auth, availability, get, cancel) are retried, once. A booking is never
 * retried blindly: our idempotency key travels as {@code client_reference_code}, but a second
 * PUT after a timeout could still book twice on a platform that ignores it.
 */
public class SevenRoomsProvider implements ReservationProvider {

    public static final String KIND = "sevenrooms";
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** An access token and when to stop using it. */
    public record Token(String value, Instant expiresAt) {

        boolean usable() {
            return Instant.now().isBefore(expiresAt.minusSeconds(30));
        }
    }

    private final WebClient http;
    private final Connection connection;
    private final Supplier<String> secret;
    private final CircuitBreaker breaker;
    private final Map<UUID, Token> tokens;
    private final ProviderResilience resilience;

    public SevenRoomsProvider(WebClient http, Connection connection, Supplier<String> secret, CircuitBreaker breaker,
            Map<UUID, Token> tokens, ProviderResilience resilience) {
        this.http = http;
        this.connection = connection;
        this.secret = secret;
        this.breaker = breaker;
        this.tokens = tokens;
        this.resilience = resilience;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Mono<Availability> searchAvailability(SlotSearch search) {
        // URI templates, not concatenated strings: the client metrics tag by template, so ids and
        // dates never explode their cardinality.
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("date", search.date().toString());
        vars.put("party", search.partySize());
        vars.put("from", search.from() == null ? "" : search.from().format(HOURS_MINUTES));
        vars.put("to", search.to() == null ? "" : search.to().format(HOURS_MINUTES));
        String uri = "/venues/{venue}/availability?date={date}&party_size={party}"
                + (search.from() == null ? "" : "&start_time={from}") + (search.to() == null ? "" : "&end_time={to}");
        return call(HttpMethod.GET, uri, vars, null, true)
                .map(reply -> switch (reply) {
                    case Ok ok -> toAvailability(search.date(), ok.data());
                    case Refused refused -> new Availability(List.of(), List.of(refused.refusal()));
                });
    }

    @Override
    public Mono<BookingOutcome> create(BookingRequest request) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("date", request.startsAt().toLocalDate().toString());
        form.add("time", request.startsAt().toLocalTime().format(HOURS_MINUTES));
        form.add("party_size", Integer.toString(request.partySize()));
        String[] names = splitName(request.guestName());
        form.add("first_name", names[0]);
        form.add("last_name", names[1]);
        form.add("phone", "+" + request.guestPhone());
        if (request.specialRequests() != null) {
            form.add("notes", request.specialRequests());
        }
        form.add("client_reference_code", request.idempotencyKey());
        return call(HttpMethod.PUT, "/venues/{venue}/book", Map.of(), form, false).map(SevenRoomsProvider::toOutcome);
    }

    @Override
    public Mono<ProviderReservation> get(Reservation reservation) {
        return call(HttpMethod.GET, "/reservations/{id}", Map.of("id", reservation.providerReservationId()), null, true)
                .flatMap(reply -> switch (reply) {
                    case Ok ok -> Mono.just(toReservation(ok.data()));
                    case Refused refused -> Mono.empty();
                });
    }

    @Override
    public Mono<BookingOutcome> modify(Reservation reservation, BookingChange change) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("date", change.startsAt().toLocalDate().toString());
        form.add("time", change.startsAt().toLocalTime().format(HOURS_MINUTES));
        form.add("party_size", Integer.toString(change.partySize()));
        if (change.specialRequests() != null) {
            form.add("notes", change.specialRequests());
        }
        return call(HttpMethod.PUT, "/reservations/{id}", Map.of("id", reservation.providerReservationId()), form, false)
                .map(SevenRoomsProvider::toOutcome);
    }

    @Override
    public Mono<Void> cancel(Reservation reservation, String reason) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (reason != null) {
            form.add("notes", reason);
        }
        // Cancelling is idempotent on the platform: a retried cancel of a cancelled booking is fine.
        return call(HttpMethod.PUT, "/reservations/{id}/cancel", Map.of("id", reservation.providerReservationId()), form,
                true)
                .flatMap(reply -> reply instanceof Refused refused && refused.refusal().code() != ReasonCode.NOT_FOUND
                        ? Mono.error(new ProviderUnavailableException("cancel refused: " + refused.refusal().message()))
                        : Mono.<Void>empty());
    }

    /** Authenticates and reads today's availability: what the dashboard's connection test checks. */
    public Mono<Void> probe() {
        return searchAvailability(new SlotSearch(connection.tenantId(), connection.branchId(), LocalDate.now(), null,
                null, 2)).then();
    }

    // The wire.

    private sealed interface Reply permits Ok, Refused {
    }

    private record Ok(JsonNode data) implements Reply {
    }

    /** The platform understood and said no (4xx): not an outage. */
    private record Refused(Refusal refusal) implements Reply {
    }

    private Mono<Reply> call(HttpMethod method, String path, Map<String, Object> vars, MultiValueMap<String, String> form,
            boolean idempotent) {
        Mono<Reply> attempt = token(false)
                .flatMap(token -> send(method, path, vars, form, token))
                .onErrorResume(Unauthorized.class, stale -> token(true).flatMap(token -> send(method, path, vars, form, token)))
                .onErrorResume(Unauthorized.class, e -> Mono.error(new ProviderUnavailableException(
                        "the platform refused our credentials")));
        return guarded(attempt, idempotent);
    }

    private Mono<Reply> send(HttpMethod method, String path, Map<String, Object> vars,
            MultiValueMap<String, String> form, String token) {
        Map<String, Object> all = new java.util.HashMap<>(vars);
        all.put("venue", connection.venueId());
        WebClient.RequestBodySpec request = http.method(method)
                .uri(connection.baseUrl() + path, all)
                .header(HttpHeaders.AUTHORIZATION, token)
                .accept(MediaType.APPLICATION_JSON);
        WebClient.RequestHeadersSpec<?> ready = form == null ? request
                : request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form));
        return ready.exchangeToMono(this::read);
    }

    private Mono<String> token(boolean fresh) {
        Token cached = tokens.get(connection.id());
        if (!fresh && cached != null && cached.usable()) {
            return Mono.just(cached.value());
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", connection.clientId());
        Mono<String> auth = Mono.fromSupplier(secret)
                .flatMap(clientSecret -> {
                    form.add("client_secret", clientSecret);
                    return http.post().uri(connection.baseUrl() + "/auth")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .accept(MediaType.APPLICATION_JSON)
                            .body(BodyInserters.fromFormData(form))
                            .exchangeToMono(this::read);
                })
                .flatMap(reply -> switch (reply) {
                    case Ok ok -> {
                        String value = ok.data().path("token").asString(null);
                        if (value == null) {
                            yield Mono.<String>error(new ProviderUnavailableException("auth answered without a token"));
                        }
                        tokens.put(connection.id(), new Token(value, expiry(ok.data())));
                        yield Mono.just(value);
                    }
                    case Refused refused -> Mono.<String>error(new ProviderUnavailableException(
                            "the platform refused our credentials"));
                })
                .onErrorMap(Unauthorized.class, e -> new ProviderUnavailableException("the platform refused our credentials"));
        // Not guarded on its own: it runs inside the guarded call, within that call's one time budget.
        return auth;
    }

    /** Timeout, circuit breaker and (for idempotent calls only) one retry, with every failure as "unavailable". */
    private <T> Mono<T> guarded(Mono<T> call, boolean idempotent) {
        Mono<T> once = call
                .timeout(connection.timeout())
                .onErrorMap(SevenRoomsProvider::isOutage, e -> new ProviderUnavailableException(describe(e), e))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(CallNotPermittedException.class,
                        e -> new ProviderUnavailableException("circuit open: the platform failed repeatedly", e));
        if (!idempotent) {
            return once;
        }
        return once.retryWhen(Retry.backoff(resilience.retries(), resilience.retryBackoff())
                .filter(e -> e instanceof ProviderUnavailableException && !(e.getCause() instanceof CallNotPermittedException))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Reply> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (status == 401) {
            return response.releaseBody().then(Mono.error(new Unauthorized()));
        }
        if (status >= 500 || status == 429 || status == 408) {
            return response.releaseBody().then(Mono.error(new ProviderUnavailableException(
                    "the platform answered " + status)));
        }
        return response.bodyToMono(JsonNode.class)
                .defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                .map(body -> {
                    if (status >= 200 && status < 300) {
                        return (Reply) new Ok(body.path("data"));
                    }
                    String message = body.path("msg").asString("status " + status);
                    return new Refused(refusalFor(status, message));
                });
    }

    private static Refusal refusalFor(int status, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (status == 404) {
            return Refusal.of(ReasonCode.NOT_FOUND, message);
        }
        if (lower.contains("availab") || lower.contains("full") || lower.contains("no table")) {
            return Refusal.of(ReasonCode.FULLY_BOOKED, message);
        }
        if (lower.contains("party") && lower.contains("large")) {
            return Refusal.of(ReasonCode.PARTY_TOO_LARGE, message);
        }
        if (lower.contains("closed") || lower.contains("blackout")) {
            return Refusal.of(ReasonCode.CLOSED, message);
        }
        return Refusal.of(ReasonCode.INVALID, message);
    }

    private static Availability toAvailability(LocalDate date, JsonNode data) {
        List<LocalDateTime> slots = new ArrayList<>();
        for (JsonNode shift : data.path("availability")) {
            for (JsonNode time : shift.path("times")) {
                String type = time.path("type").asString("");
                if ("book".equals(type) || "request".equals(type)) {
                    LocalTime t = LocalTime.parse(time.path("time").asString());
                    // A shift running past midnight lists 00:30 after 23:30: it is the next day.
                    LocalDate day = !slots.isEmpty() && t.isBefore(slots.getLast().toLocalTime())
                            && slots.getLast().toLocalDate().equals(date) && t.getHour() < 6 ? date.plusDays(1) : date;
                    slots.add(day.atTime(t));
                }
            }
        }
        slots.sort(null);
        return slots.isEmpty()
                ? new Availability(List.of(), List.of(Refusal.of(ReasonCode.FULLY_BOOKED, "no availability that day")))
                : new Availability(slots, List.of());
    }

    private static BookingOutcome toOutcome(Reply reply) {
        return switch (reply) {
            case Ok ok -> new Booked(ok.data().path("reservation_id").asString(ok.data().path("id").asString(null)),
                    status(ok.data().path("status").asString("CONFIRMED")));
            case Refused refused -> new Declined(refused.refusal(), List.of());
        };
    }

    private static ProviderReservation toReservation(JsonNode data) {
        LocalDate date = LocalDate.parse(data.path("date").asString());
        LocalTime time = LocalTime.parse(data.path("arrival_time").asString());
        return new ProviderReservation(data.path("id").asString(), date.atTime(time), data.path("max_guests").asInt(),
                status(data.path("status").asString("")),
                (data.path("first_name").asString("") + " " + data.path("last_name").asString("")).strip(),
                data.path("phone_number").asString(null));
    }

    private static String status(String platformStatus) {
        return switch (platformStatus.toUpperCase(Locale.ROOT)) {
            case "REQUESTED", "PENDING", "REQUEST" -> Reservation.PENDING;
            case "CANCELED", "CANCELLED" -> Reservation.CANCELLED;
            case "NO_SHOW" -> Reservation.NO_SHOW;
            default -> Reservation.CONFIRMED;
        };
    }

    private static Instant expiry(JsonNode data) {
        String until = data.path("token_expiration_datetime").asString(null);
        try {
            return until == null ? Instant.now().plusSeconds(3600) : LocalDateTime.parse(until).toInstant(java.time.ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return Instant.now().plusSeconds(3600);
        }
    }

    private static boolean isOutage(Throwable e) {
        return e instanceof TimeoutException || e instanceof WebClientRequestException
                || e instanceof org.springframework.web.reactive.function.client.WebClientResponseException
                || e instanceof java.io.IOException || e instanceof tools.jackson.core.JacksonException;
    }

    private static String describe(Throwable e) {
        return e instanceof TimeoutException ? "the platform did not answer in time"
                : "the platform could not be reached (" + e.getClass().getSimpleName() + ")";
    }

    private static String[] splitName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? new String[] {n, "-"} : new String[] {n.substring(0, space), n.substring(space + 1)};
    }

    /** 401: the cached token expired early; fetch a new one once. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super("unauthorized", null, false, false);
        }
    }
}
