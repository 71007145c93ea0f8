package io.dinechat.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dinechat.platform.security.Role;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.reservation.persistence.CatalogReadModel;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The dashboard's reservations API, with the tenant and role from the gateway's token. */
class DashboardApiTests extends ReservationServiceContext {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient http;
    @Autowired
    private TenantTransactions tenants;
    @Autowired
    private CatalogReadModel catalog;
    @Autowired
    private DatabaseClient db;

    private final UUID tenant = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final UUID ownerId = UUID.randomUUID();
    private final UUID staffId = UUID.randomUUID();

    @BeforeEach
    void openRestaurant() {
        CLOCK.set(Instant.parse("2026-12-10T10:00:00Z"));
        Floor.openRestaurant(catalog, tenants, tenant, branch, "Asia/Beirut", 1, "[]");
        http = http.mutate().responseTimeout(WAIT).build();
    }

    /** Tokens live a minute, like the gateway's: mint one per request, not per test. */
    private String owner() {
        return TestIdentity.bearer(tenant, ownerId, Role.OWNER);
    }

    private String staff() {
        return TestIdentity.bearer(tenant, staffId, Role.STAFF);
    }

    @Test
    void everyEndpointWantsAGatewayTokenAndSetupWantsAnOwner() {
        http.get().uri("/api/reservations?date=2026-12-18").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/reservations?date=2026-12-18")
                .header("Authorization", TestIdentity.forgedBearer(tenant, UUID.randomUUID(), Role.OWNER)).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/reservations/tables").header("Authorization", staff())
                .bodyValue(Map.of("branchId", branch, "label", "T1", "seatsMax", 4)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/reservations/connections").header("Authorization", staff()).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/reservations?date=18/12/2026").header("Authorization", staff()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://dinechat.io/problems/invalid-request");
    }

    @Test
    void staffBookEditCancelAndSeeTheDayWhileAnotherBusinessSeesNothing() {
        // given: the owner sets up a table; the change is audited
        try (TopicProbe audits = new TopicProbe(SharedInfrastructure.kafkaBootstrapServers(), "audit.v1")) {
            http.post().uri("/api/reservations/tables").header("Authorization", owner())
                    .bodyValue(Map.of("branchId", branch, "label", "Window 1", "seatsMin", 2, "seatsMax", 4)).exchange()
                    .expectStatus().isCreated();

            // when
            Map<?, ?> booked = http.post().uri("/api/reservations").header("Authorization", staff())
                    .bodyValue(Map.of("startsAt", "2026-12-18T20:00", "partySize", 3, "guestName", "Walk-in Sami",
                            "guestPhone", "+961 3 555 111"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            String id = (String) booked.get("id");
            http.patch().uri("/api/reservations/" + id).header("Authorization", staff())
                    .bodyValue(Map.of("startsAt", "2026-12-18T20:30")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.startsAt").isEqualTo("2026-12-18T20:30");
            String otherBusiness = TestIdentity.bearer(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER);

            // then
            assertThat(booked.get("tables")).isEqualTo(List.of("Window 1"));
            assertThat(booked.get("status")).isEqualTo("confirmed");
            assertThat(booked.get("guestPhone")).isEqualTo("9613555111");
            http.get().uri("/api/reservations?date=2026-12-18").header("Authorization", staff()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[0].reference").isEqualTo(booked.get("reference"))
                    .jsonPath("$[0].startsAt").isEqualTo("2026-12-18T20:30").jsonPath("$.length()").isEqualTo(1);
            http.get().uri("/api/reservations?date=2026-12-18").header("Authorization", otherBusiness).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
            http.post().uri("/api/reservations/" + id + "/cancel").header("Authorization", otherBusiness).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.post().uri("/api/reservations/" + id + "/cancel").header("Authorization", staff())
                    .bodyValue(Map.of("reason", "called to cancel")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled");

            var recorded = audits.pollUntil(r -> false, Duration.ofSeconds(3)).stream()
                    .filter(r -> tenant.toString().equals(TopicProbe.header(r, "ce_tenantid")))
                    .peek(r -> EventContract.assertValid(TopicProbe.header(r, "ce_type"), r.value()))
                    .map(r -> TopicProbe.header(r, "ce_subject"))
                    .toList();
            assertThat(recorded).containsExactly("dining_table.created", "reservation.created", "reservation.updated",
                    "reservation.cancelled");
        }
    }

    @Test
    void aRefusedBookingIsAProblemWithReasonsAndAlternativesAndNoShowsWaitForTheSeating() {
        // given
        http.post().uri("/api/reservations/tables").header("Authorization", owner())
                .bodyValue(Map.of("branchId", branch, "label", "T1", "seatsMax", 2)).exchange().expectStatus().isCreated();
        Map<?, ?> first = http.post().uri("/api/reservations").header("Authorization", staff())
                .bodyValue(Map.of("startsAt", "2026-12-18T19:00", "partySize", 2, "guestName", "Lina"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        // when / then
        http.post().uri("/api/reservations").header("Authorization", staff())
                .bodyValue(Map.of("startsAt", "2026-12-18T19:30", "partySize", 2, "guestName", "Omar"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reasons[0].code").isEqualTo("FULLY_BOOKED")
                .jsonPath("$.alternatives[0]").isEqualTo("2026-12-18T20:45");
        http.post().uri("/api/reservations/" + first.get("id") + "/no-show").header("Authorization", staff()).exchange()
                .expectStatus().isEqualTo(409);
        CLOCK.set(Instant.parse("2026-12-18T17:30:00Z")); // 19:30 in Beirut
        http.post().uri("/api/reservations/" + first.get("id") + "/no-show").header("Authorization", staff()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("no_show").jsonPath("$.tables.length()")
                .isEqualTo(0);
        // the released table seats Omar at 20:30, inside what was the no-show's seating
        http.post().uri("/api/reservations").header("Authorization", staff())
                .bodyValue(Map.of("startsAt", "2026-12-18T20:30", "partySize", 2, "guestName", "Omar"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void bookingRulesSetInTheDashboardGovernBookings() {
        // given: a blackout on the 24th, parties above 4 need approval, 3-hour turns for large parties
        http.post().uri("/api/reservations/tables").header("Authorization", owner())
                .bodyValue(Map.of("branchId", branch, "label", "Big", "seatsMin", 2, "seatsMax", 8)).exchange()
                .expectStatus().isCreated();
        http.put().uri("/api/reservations/rules?branchId=" + branch).header("Authorization", owner())
                .bodyValue(Map.of("approvalAbovePartySize", 4, "blackoutDates", List.of("2026-12-24"),
                        "turnTimes", List.of(Map.of("upToPartySize", 4, "minutes", 90), Map.of("minutes", 180))))
                .exchange().expectStatus().isOk();

        // when / then
        http.get().uri("/api/reservations/rules?branchId=" + branch).header("Authorization", staff()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.blackoutDates[0]").isEqualTo("2026-12-24")
                .jsonPath("$.approvalAbovePartySize").isEqualTo(4);
        http.post().uri("/api/reservations").header("Authorization", staff())
                .bodyValue(Map.of("startsAt", "2026-12-24T19:00", "partySize", 2, "guestName", "Eve"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.reasons[0].code").isEqualTo("CLOSED");
        Map<?, ?> big = http.post().uri("/api/reservations").header("Authorization", staff())
                .bodyValue(Map.of("startsAt", "2026-12-18T19:00", "partySize", 6, "guestName", "Family"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(big.get("status")).isEqualTo("pending");
        assertThat(big.get("endsAt")).isEqualTo("2026-12-18T22:00");
        http.patch().uri("/api/reservations/" + big.get("id")).header("Authorization", staff())
                .bodyValue(Map.of("status", "confirmed")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("confirmed");
    }

    @Test
    void theLiveStreamCarriesTheBusinessesOwnChanges() {
        // given
        http.post().uri("/api/reservations/tables").header("Authorization", owner())
                .bodyValue(Map.of("branchId", branch, "label", "T9", "seatsMax", 6)).exchange().expectStatus().isCreated();
        var stream = http.get().uri("/api/reservations/stream").header("Authorization", staff())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody();

        // when / then
        StepVerifier.create(stream.filter(e -> e.event() != null).take(1))
                .then(() -> http.post().uri("/api/reservations").header("Authorization", staff())
                        .bodyValue(Map.of("startsAt", "2026-12-19T20:00", "partySize", 5, "guestName", "Party of five"))
                        .exchange().expectStatus().isCreated())
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("io.dinechat.reservation.booked");
                    assertThat(e.data()).containsEntry("guestName", "Party of five");
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aProviderConnectionKeepsItsSecretSealedAndCanBeTested() {
        // given: a SevenRooms-style platform that accepts these credentials
        WireMockServer platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        try {
            platform.stubFor(post(urlPathEqualTo("/api-ext/2_2/auth")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": 200, \"data\": {\"token\": \"t\", \"token_expiration_datetime\": \"2099-01-01T00:00:00\"}}")));
            platform.stubFor(get(urlPathEqualTo("/api-ext/2_2/venues/v-9/availability")).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": 200, \"data\": {\"availability\": []}}")));

            // when
            Map<?, ?> created = http.post().uri("/api/reservations/connections").header("Authorization", owner())
                    .bodyValue(Map.of("branchId", branch, "kind", "sevenrooms", "baseUrl", platform.baseUrl() + "/api-ext/2_2",
                            "venueId", "v-9", "clientId", "c-9", "clientSecret", "very-secret-value", "timeoutMs", 2000))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            String listed = http.get().uri("/api/reservations/connections").header("Authorization", owner()).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            String stored = tenants.inTenant(tenant, () -> db.sql("select client_secret_sealed from provider_connections")
                    .map(row -> row.get(0, String.class)).one()).block(WAIT);

            // then
            assertThat(created.get("hasSecret")).isEqualTo(true);
            assertThat(listed).contains("c-9").doesNotContain("very-secret-value");
            assertThat(stored).isNotBlank().doesNotContain("very-secret-value");
            http.post().uri("/api/reservations/connections/" + created.get("id") + "/test").header("Authorization", owner())
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true);
            platform.stubFor(post(urlPathEqualTo("/api-ext/2_2/auth")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": 401, \"msg\": \"Invalid client credentials\"}")));
            http.post().uri("/api/reservations/connections/" + created.get("id") + "/test").header("Authorization", owner())
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(false)
                    .jsonPath("$.problem").isEqualTo("the platform refused our credentials");
        } finally {
            platform.stop();
        }
    }
}
