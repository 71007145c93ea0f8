package io.dinechat.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.application.ReservationDesk;
import io.dinechat.reservation.domain.ReservationCommand;
import io.dinechat.reservation.domain.ReservationCommand.CheckAvailability;
import io.dinechat.reservation.domain.ReservationCommand.Common;
import io.dinechat.reservation.domain.ReservationCommand.Create;
import io.dinechat.reservation.domain.ReservationCommand.Cancel;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.reservation.persistence.CommandReplies;
import io.dinechat.reservation.persistence.ProviderConnections;
import io.dinechat.reservation.persistence.ProviderConnections.Connection;
import io.dinechat.testing.EventContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A branch that keeps its book on a SevenRooms-style platform (WireMock): bookings go there and
 * are mirrored locally for ownership and reminders; when the platform is down the assistant is
 * told PROVIDER_UNAVAILABLE within seconds, and once the circuit is open, at once.
 */
class ExternalProviderFlowTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api-ext/2_2";
    private static final String GUEST = "447700900123";

    @Autowired
    private ReservationDesk desk;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private CatalogReadModel catalog;
    @Autowired
    private ProviderConnections connections;
    @Autowired
    private CredentialCipher cipher;
    @Autowired
    private CommandReplies replies;
    @Autowired
    private DatabaseClient db;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private final WireMockServer platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final UUID tenant = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final UUID connectionId = UUID.randomUUID();

    @BeforeEach
    void connectBranchToPlatform() {
        CLOCK.set(Instant.parse("2026-12-10T10:00:00Z"));
        platform.start();
        platform.stubFor(post(urlPathEqualTo(BASE + "/auth")).willReturn(json(200, """
                {"status": 200, "data": {"token": "tok", "token_expiration_datetime": "2099-01-01T00:00:00"}}""")));
        Floor.openRestaurant(catalog, tenants, tenant, branch, "Europe/London", 1, "[]");
        Connection connection = new Connection(connectionId, tenant, branch, "sevenrooms", platform.baseUrl() + BASE,
                "venue-1", "client-1", cipher.encrypt(tenant, "secret-1"), Duration.ofMillis(1000), true);
        tenants.inTenant(tenant, () -> connections.save(connection).thenReturn(true)).block(WAIT);
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void bookingsAreMadeOnThePlatformAndOnlyTheBookerCanCancelThem() {
        // given
        platform.stubFor(put(urlPathEqualTo(BASE + "/venues/venue-1/book")).willReturn(json(200, """
                {"status": 200, "data": {"reservation_id": "sr-555", "status": "CONFIRMED"}}""")));
        platform.stubFor(put(urlPathEqualTo(BASE + "/reservations/sr-555/cancel")).willReturn(json(200, """
                {"status": 200, "data": {"reservation_id": "sr-555", "status": "CANCELED"}}""")));

        // when
        JsonNode booked = answer(create(GUEST));
        String reference = booked.path("reference").asString();
        JsonNode stranger = answer(new Cancel(common("447700900999"), reference, null));
        JsonNode cancelled = answer(new Cancel(common(GUEST), reference, "flu"));

        // then
        assertThat(booked.path("status").asString()).isEqualTo("confirmed");
        assertThat(booked.path("startsAt").asString()).isEqualTo("2026-12-18T20:00");
        assertThat(tenants.inTenant(tenant, () -> db.sql("select provider_reservation_id from reservations")
                .map(row -> row.get(0, String.class)).one()).block(WAIT)).isEqualTo("sr-555");
        assertThat(stranger.path("reasons").findValuesAsString("code")).containsExactly("NOT_OWNER");
        assertThat(cancelled.path("cancelledBy").asString()).isEqualTo("guest");
        platform.verify(1, putRequestedFor(urlPathEqualTo(BASE + "/reservations/sr-555/cancel"))
                .withRequestBody(containing("notes=flu")));
    }

    @Test
    void aFullPlatformIsAskedForTheNearestTimesSoTheGuestGetsAlternatives() {
        // given
        platform.stubFor(put(urlPathEqualTo(BASE + "/venues/venue-1/book")).willReturn(json(400, """
                {"status": 400, "msg": "No availability for the requested time"}""")));
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/venue-1/availability")).willReturn(json(200, """
                {"status": 200, "data": {"availability": [{"shift_name": "Dinner", "times": [
                  {"time": "18:00", "type": "book"}, {"time": "21:30", "type": "book"},
                  {"time": "22:00", "type": "request"}, {"time": "22:30", "type": "book"}]}]}}""")));

        // when
        JsonNode rejected = answer(create(GUEST));

        // then
        assertThat(rejected.path("reasons").findValuesAsString("code")).containsExactly("FULLY_BOOKED");
        assertThat(rejected.path("alternatives").valueStream().map(JsonNode::asString).toList())
                .containsExactly("2026-12-18T18:00", "2026-12-18T21:30", "2026-12-18T22:00");
        assertThat(tenants.inTenant(tenant, () -> db.sql("select count(*) from reservations")
                .map(row -> row.get(0, Long.class)).one()).block(WAIT)).isZero();
    }

    @Test
    void anOutageAnswersProviderUnavailableQuicklyAndOpensTheCircuit() {
        // given: the platform hangs for 10 s on every availability call
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/venue-1/availability"))
                .willReturn(json(200, "{\"status\": 200, \"data\": {\"availability\": []}}").withFixedDelay(10_000)));

        // when
        long[] millis = new long[4];
        JsonNode[] answers = new JsonNode[4];
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            answers[i] = answer(new CheckAvailability(common(GUEST), LocalDate.of(2026, 12, 18), LocalTime.of(20, 0), 2));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        int callsWhileOpen = platform.findAll(getRequestedFor(urlPathEqualTo(BASE + "/venues/venue-1/availability"))).size();

        // then
        System.out.printf("provider outage: answers after %d, %d, %d, %d ms (platform hangs 10000 ms)%n",
                millis[0], millis[1], millis[2], millis[3]);
        for (JsonNode a : answers) {
            assertThat(a.path("reasons").findValuesAsString("code")).containsExactly("PROVIDER_UNAVAILABLE");
        }
        // about 2 s (timeout plus one retry) instead of the platform's 10 s, then at once while open
        assertThat(millis[0]).isLessThan(6_000);
        assertThat(millis[3]).isLessThan(1_000);
        assertThat(callsWhileOpen).isEqualTo(4);
        // operators see it: the breaker's state is exported for the ProviderCircuitOpen alert
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("state", "open").gauges())
                .anyMatch(gauge -> ("reservation-provider-" + connectionId).equals(gauge.getId().getTag("name")) && gauge.value() == 1.0);

        // and when the platform recovers after the circuit's open time (2 s here), bookings flow again
        platform.resetMappings();
        platform.stubFor(post(urlPathEqualTo(BASE + "/auth")).willReturn(json(200, """
                {"status": 200, "data": {"token": "tok", "token_expiration_datetime": "2099-01-01T00:00:00"}}""")));
        platform.stubFor(get(urlPathEqualTo(BASE + "/venues/venue-1/availability")).willReturn(json(200, """
                {"status": 200, "data": {"availability": [{"times": [{"time": "20:00", "type": "book"}]}]}}""")));
        io.dinechat.testing.Eventually.await("the circuit lets the recovered platform answer", Duration.ofSeconds(10), () ->
                answer(new CheckAvailability(common(GUEST), LocalDate.of(2026, 12, 18), null, 2)).path("slots").size() == 1);
    }

    private JsonNode answer(ReservationCommand command) {
        desk.handle(command).block(WAIT);
        var stored = tenants.inTenant(tenant, () -> replies.find(command.common().commandId())).block(WAIT);
        EventContract.assertValid(stored.type(), stored.body());
        return JSON.readTree(new String(stored.body(), StandardCharsets.UTF_8));
    }

    private Create create(String phone) {
        return new Create(common(phone), LocalDateTime.of(2026, 12, 18, 20, 0), 2, "Olivia Smith", "birthday");
    }

    private Common common(String phone) {
        return new Common(UUID.randomUUID(), tenant, "3000:" + phone, phone, branch, "english");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
