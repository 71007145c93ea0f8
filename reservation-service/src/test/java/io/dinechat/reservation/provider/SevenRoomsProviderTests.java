package io.dinechat.reservation.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.reservation.domain.ProviderTypes.Availability;
import io.dinechat.reservation.domain.ProviderTypes.Booked;
import io.dinechat.reservation.domain.ProviderTypes.BookingChange;
import io.dinechat.reservation.domain.ProviderTypes.BookingRequest;
import io.dinechat.reservation.domain.ProviderTypes.Declined;
import io.dinechat.reservation.domain.ProviderTypes.SlotSearch;
import io.dinechat.reservation.domain.ReasonCode;
import io.dinechat.reservation.domain.Reservation;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The SevenRooms-style adapter against WireMock speaking that API's wire format: token auth with
 * form fields, {status, data} bodies, {status, msg} errors, and the failures a real platform has
 * (slowness, 5xx, dropped connections, expired tokens).
 */
class SevenRoomsProviderTests {

    private static final String BASE = "/api-ext/2_2";
    private static final String VENUE = "aurora-centro";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WireMockServer platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final CredentialCipher cipher = CredentialCipher.fromKeyset(CredentialCipher.newKeysetJson());
    private final UUID tenant = UUID.randomUUID();
    private ExternalProviders providers;
    private Connection connection;
    private ReservationProvider sevenRooms;

    @BeforeEach
    void start() {
        platform.start();
        providers = new ExternalProviders(WebClient.builder(), cipher, new ProviderResilience(Duration.ofMillis(800), 80,
                50, 10, 4, Duration.ofSeconds(30), 2, 1, Duration.ofMillis(50)),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        connection = new Connection(UUID.randomUUID(), tenant, UUID.randomUUID(), "sevenrooms",
                platform.baseUrl() + BASE, VENUE, "dinechat-client", cipher.encrypt(tenant, "s3cret-value"),
                Duration.ofMillis(1000), true);
        sevenRooms = providers.connect(connection);
        // Netty's first request in a JVM pays for class loading and event loops; the platform should not.
        WebClient.create(platform.baseUrl()).get().uri("/__admin/mappings").retrieve().toBodilessEntity().block(WAIT);
        platform.stubFor(post(urlPathEqualTo(BASE + "/auth"))
                .withRequestBody(containing("client_id=dinechat-client"))
                .withRequestBody(containing("client_secret=s3cret-value"))
                .willReturn(json(200, """
                        {"status": 200, "data": {"token": "tok-1", "token_expiration_datetime": "2099-01-01T00:00:00"}}""")));
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void availabilityIsReadFromShiftsWithTheTokenFromAuthAndTheSecretNeverLeavesTheAuthCall() {
        // given
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability"))
                .withHeader("Authorization", equalTo("tok-1"))
                .withQueryParam("date", equalTo("2026-12-18")).withQueryParam("party_size", equalTo("4"))
                .willReturn(json(200, """
                        {"status": 200, "data": {"availability": [
                          {"shift_name": "Dinner", "times": [
                            {"time": "19:00", "time_iso": "2026-12-18 19:00:00", "type": "book"},
                            {"time": "19:30", "time_iso": "2026-12-18 19:30:00", "type": "request"},
                            {"time": "20:00", "time_iso": "2026-12-18 20:00:00", "type": "unavailable"}]}]}}""")));

        // when
        Availability found = sevenRooms.searchAvailability(search(4)).block(WAIT);
        Availability again = sevenRooms.searchAvailability(search(4)).block(WAIT);

        // then
        assertThat(found.slots()).containsExactly(LocalDateTime.of(2026, 12, 18, 19, 0),
                LocalDateTime.of(2026, 12, 18, 19, 30));
        assertThat(again.slots()).hasSize(2);
        platform.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/auth"))); // the token is cached
        platform.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getUrl().endsWith("/auth"))
                .forEach(e -> assertThat(e.getRequest().toString()).doesNotContain("s3cret-value"));
    }

    @Test
    void aBookingSendsOurIdempotencyKeyAndARequestComesBackPending() {
        // given
        platform.stubFor(put(urlPathEqualTo(BASE + "/venues/" + VENUE + "/book"))
                .withRequestBody(containing("client_reference_code=cmd-42"))
                .withRequestBody(containing("party_size=6"))
                .withRequestBody(containing("time=20%3A00"))
                .willReturn(json(200, """
                        {"status": 200, "data": {"reservation_id": "sr-991", "reference_code": "SRX1", "status": "REQUESTED"}}""")));

        // when
        var outcome = sevenRooms.create(request("cmd-42", 6)).block(WAIT);

        // then
        assertThat(outcome).isEqualTo(new Booked("sr-991", "pending"));
    }

    @Test
    void aPlatformNoIsADeclineNotAnOutageAndBookingsAreNeverRetried() {
        // given
        platform.stubFor(put(urlPathEqualTo(BASE + "/venues/" + VENUE + "/book"))
                .willReturn(json(400, """
                        {"status": 400, "msg": "No availability for the requested time"}""")));

        // when
        var declined = sevenRooms.create(request("cmd-1", 2)).block(WAIT);
        platform.stubFor(put(urlPathEqualTo(BASE + "/venues/" + VENUE + "/book")).willReturn(aResponse().withStatus(503)));

        // then
        assertThat(((Declined) declined).reason().code()).isEqualTo(ReasonCode.FULLY_BOOKED);
        assertThatThrownBy(() -> sevenRooms.create(request("cmd-2", 2)).block(WAIT))
                .isInstanceOf(ProviderUnavailableException.class);
        platform.verify(2, putRequestedFor(urlPathEqualTo(BASE + "/venues/" + VENUE + "/book")));
        assertThat(providers.breakerOf(connection.id()).getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void idempotentCallsAreRetriedOnceAfterADroppedConnection() {
        // given: the first availability call drops, the second answers
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability"))
                .inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability"))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, """
                        {"status": 200, "data": {"availability": [{"times": [{"time": "21:00", "type": "book"}]}]}}""")));

        // when
        Availability found = sevenRooms.searchAvailability(search(2)).block(WAIT);

        // then
        assertThat(found.slots()).containsExactly(LocalDateTime.of(2026, 12, 18, 21, 0));
        platform.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability")));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndWrongCredentialsAreAnOutage() {
        // given: the platform forgets tok-1
        platform.stubFor(get(urlPathEqualTo(BASE + "/reservations/sr-7")).withHeader("Authorization", equalTo("tok-1"))
                .willReturn(json(401, "{\"status\": 401, \"msg\": \"Token expired\"}")));
        platform.stubFor(get(urlPathEqualTo(BASE + "/reservations/sr-7")).withHeader("Authorization", equalTo("tok-2"))
                .willReturn(json(200, """
                        {"status": 200, "data": {"id": "sr-7", "date": "2026-12-18", "arrival_time": "20:30", "max_guests": 3,
                         "status": "CONFIRMED", "first_name": "Layla", "last_name": "Haddad", "phone_number": "+96170123456"}}""")));
        sevenRooms.searchAvailability(search(2)).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(WAIT);
        platform.stubFor(post(urlPathEqualTo(BASE + "/auth")).willReturn(json(200, """
                {"status": 200, "data": {"token": "tok-2", "token_expiration_datetime": "2099-01-01T00:00:00"}}""")));

        // when
        var found = sevenRooms.get(external("sr-7")).block(WAIT);

        // then
        assertThat(found.startsAt()).isEqualTo(LocalDateTime.of(2026, 12, 18, 20, 30));
        assertThat(found.partySize()).isEqualTo(3);
        assertThat(found.status()).isEqualTo("confirmed");

        // and when the credentials are refused outright
        platform.stubFor(post(urlPathEqualTo(BASE + "/auth")).willReturn(json(401, """
                {"status": 401, "msg": "Invalid client credentials"}""")));
        assertThatThrownBy(() -> providers.test(connection).block(WAIT))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void modifyAndCancelSpeakTheReservationEndpoints() {
        // given
        platform.stubFor(put(urlPathEqualTo(BASE + "/reservations/sr-8")).withRequestBody(containing("party_size=5"))
                .willReturn(json(200, "{\"status\": 200, \"data\": {\"reservation_id\": \"sr-8\", \"status\": \"CONFIRMED\"}}")));
        platform.stubFor(put(urlPathEqualTo(BASE + "/reservations/sr-8/cancel"))
                .willReturn(json(200, "{\"status\": 200, \"data\": {\"reservation_id\": \"sr-8\", \"status\": \"CANCELED\"}}")));

        // when
        var moved = sevenRooms.modify(external("sr-8"), new BookingChange(LocalDateTime.of(2026, 12, 18, 21, 0), 5, null))
                .block(WAIT);
        sevenRooms.cancel(external("sr-8"), "plans changed").block(WAIT);

        // then
        assertThat(moved).isEqualTo(new Booked("sr-8", "confirmed"));
        platform.verify(putRequestedFor(urlPathEqualTo(BASE + "/reservations/sr-8/cancel"))
                .withRequestBody(containing("notes=plans+changed")));
    }

    @Test
    void aSlowPlatformTimesOutAndRepeatedFailuresOpenTheCircuitSoCallsFailAtOnce() {
        // given: every availability call takes 5 s, far beyond the 1 s timeout
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability"))
                .willReturn(json(200, "{\"status\": 200, \"data\": {\"availability\": []}}").withFixedDelay(5000)));

        // when: a guest asks, twice (each ask is one attempt and one retry)
        long first = timed(() -> sevenRooms.searchAvailability(search(2)).block(WAIT));
        long second = timed(() -> sevenRooms.searchAvailability(search(2)).block(WAIT));
        CircuitBreaker breaker = providers.breakerOf(connection.id());
        long third = timed(() -> sevenRooms.searchAvailability(search(2)).block(WAIT));

        // then
        System.out.printf("slow platform: first ask failed after %d ms, second after %d ms, with the circuit open %d ms%n",
                first, second, third);
        // one timed-out attempt and one retry: about 2 s, never the platform's 5 s (slack for a loaded CI machine)
        assertThat(first).isBetween(900L, 4500L);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(third).isLessThan(1000L);
        platform.verify(4, getRequestedFor(urlPathEqualTo(BASE + "/venues/" + VENUE + "/availability")));
    }

    private long timed(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOf(ProviderUnavailableException.class);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private SlotSearch search(int partySize) {
        return new SlotSearch(tenant, connection.branchId(), LocalDate.of(2026, 12, 18), LocalTime.of(18, 0),
                LocalTime.of(22, 0), partySize);
    }

    private BookingRequest request(String key, int partySize) {
        return new BookingRequest(tenant, connection.branchId(), UUID.randomUUID(), "R-ABCDE", key,
                LocalDateTime.of(2026, 12, 18, 20, 0), partySize, "Layla Haddad", "96170123456", "window seat",
                "english", "1000:96170123456");
    }

    private Reservation external(String providerId) {
        return new Reservation(UUID.randomUUID(), tenant, connection.branchId(), "R-ABCDE", "Layla", "96170123456", 3,
                Instant.parse("2026-12-18T18:30:00Z"), Instant.parse("2026-12-18T20:30:00Z"), "confirmed", null, null,
                "english", "sevenrooms", providerId, "Asia/Beirut", Instant.now());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
