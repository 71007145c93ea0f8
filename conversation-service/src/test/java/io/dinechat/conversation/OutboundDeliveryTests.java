package io.dinechat.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dinechat.conversation.application.MediaDownloader;
import io.dinechat.conversation.application.ReplyDispatcher;
import io.dinechat.conversation.application.WhatsAppPresence;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.Button;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Row;
import io.dinechat.conversation.domain.OutboundContent.Section;
import io.dinechat.conversation.domain.OutboundContent.Template;
import io.dinechat.conversation.domain.OutboundContent.Text;
import io.dinechat.conversation.persistence.Channels;
import io.dinechat.conversation.persistence.Conversations;
import io.dinechat.conversation.persistence.OutboundMessages;
import io.dinechat.platform.tenancy.TenantTransactions;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.ServiceTestEnvironment;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outbound delivery against real PostgreSQL and Kafka, with Meta's Graph API played by WireMock:
 * every content kind, the 24-hour window and its template path, retries, permanent errors, the
 * per-number pace, statuses in any order, and notification requests from other services.
 */
@SpringBootTest
class OutboundDeliveryTests {

    static final WireMockServer meta = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .templatingEnabled(true).globalTemplating(false));

    @Autowired DatabaseClient db;
    @Autowired TenantTransactions tenants;
    @Autowired Channels channels;
    @Autowired Conversations conversations;
    @Autowired OutboundMessages outbound;
    @Autowired ReplyDispatcher dispatcher;
    @Autowired WhatsAppPresence presence;
    @Autowired MediaDownloader media;

    @BeforeAll
    static void startMeta() {
        meta.start();
        // Any number: accepted, with a fresh wamid per message, as Meta answers.
        meta.stubFor(post(urlPathMatching("/v23\\.0/[0-9]+/messages")).atPriority(10).willReturn(accepted()));
    }

    @AfterAll
    static void stopMeta() {
        meta.stop();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // A database and consumer group of its own: other test contexts of this service in the same
        // JVM keep running their sweepers and listeners, which must not take this class's messages.
        ServiceTestEnvironment.kafkaAndPostgres(registry, "conversation-outbound");
        registry.add("dinechat.conversation.consumer-group", () -> "conversation-outbound-tests");
        registry.add("dinechat.conversation.graph-api.base-url", meta::baseUrl);
        registry.add("dinechat.conversation.replies.retry-backoff", () -> "20ms");
        registry.add("dinechat.conversation.replies.sweep-interval", () -> "1h");
    }

    // --- content and the window -------------------------------------------------------------

    @Test
    void insideTheWindowEveryKindOfContentIsSentAndRecordedWithItsWamid() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofHours(2));

        List<OutboundContent> kinds = List.of(new Text("Your table is ready"),
                new ReplyButtons("Keep your booking?", List.of(new Button("reservation:confirm:R-1", "Keep"),
                        new Button("reservation:cancel:R-1", "Cancel"))),
                new ListMenu("Which branch?", "Branches", List.of(new Section(null, List.of(new Row("b1", "Hamra", null))))),
                new Template("reservation_reminder", "en_US", List.of("Lina")));
        kinds.forEach(content -> inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, content)));
        dispatch(shop);

        List<String> sent = bodiesTo(shop, guest);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).contains("\"type\":\"text\"", "Your table is ready");
        assertThat(sent.get(1)).contains("\"type\":\"button\"", "reservation:confirm:R-1");
        assertThat(sent.get(2)).contains("\"type\":\"list\"", "\"button\":\"Branches\"");
        assertThat(sent.get(3)).contains("\"type\":\"template\"", "reservation_reminder");
        assertThat(rows(shop, "select status, whatsapp_message_id from messages where conversation_key = '" + guest + "'"))
                .hasSize(4).allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("sent");
                    assertThat((String) row.get("whatsapp_message_id")).startsWith("wamid.");
                });
    }

    @Test
    void outsideTheWindowTheTemplateGoesInsteadOfFreeFormText() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofHours(25));
        var silent = shop.guestWhoWrote(Duration.ofHours(30));

        inTenant(shop.tenant, outbound.queue(shop.tenant, guest, new Text("Your order is ready"),
                new Template("order_ready", "en_US", List.of("A-1042")), "assistant"));
        inTenant(shop.tenant, conversations.queueReply(shop.tenant, silent, new Text("no template for this one")));
        dispatch(shop);

        assertThat(bodiesTo(shop, guest)).singleElement().asString()
                .contains("\"type\":\"template\"", "order_ready", "A-1042").doesNotContain("Your order is ready");
        assertThat(bodiesTo(shop, silent)).isEmpty();
        assertThat(rows(shop, "select status, error_code, type from messages where conversation_key = '" + silent + "'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("failed");
                    assertThat(row.get("error_code")).isEqualTo(131047);
                });
        assertThat(rows(shop, "select type from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> assertThat(row.get("type")).isEqualTo("template"));
    }

    @Test
    void whenMetaAnswersReEngagementRequiredTheTemplatePathIsTaken() {
        var shop = Shop.open(false);
        // Our clock says the window is open; Meta's says it is not (clocks disagree at the edge).
        var guest = shop.guestWhoWrote(Duration.ofHours(23).plusMinutes(59));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1)
                .withRequestBody(matchingJsonPath("$.text.body"))
                .willReturn(metaError(400, 131047, "Re-engagement message")));

        inTenant(shop.tenant, outbound.queue(shop.tenant, guest, new Text("See you at 8"),
                new Template("reservation_reminder", "fr", List.of("20:00")), "assistant"));
        dispatch(shop);

        assertThat(bodiesTo(shop, guest)).hasSize(2).last().asString().contains("\"type\":\"template\"", "\"code\":\"fr\"");
        assertThat(rows(shop, "select status, type from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "sent").containsEntry("type", "template"));
    }

    // --- retries and permanent errors -------------------------------------------------------

    @Test
    void throttlingAndMetasServerErrorsAreRetriedWithBackoffUntilSent() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        String scenario = "flaky-" + shop.number;
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(metaError(429, 4, "Application request limit reached"))
                .willSetStateTo("2"));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("2").willReturn(metaError(400, 130429, "Rate limit hit")).willSetStateTo("3"));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("3").willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
                .willSetStateTo("ok"));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("ok").willReturn(accepted()));

        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Confirmed!")));
        dispatch(shop);

        assertThat(bodiesTo(shop, guest)).hasSize(4);
        assertThat(rows(shop, "select status, attempts from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 1));
    }

    @Test
    void aReplyStillFailingStaysQueuedForALaterAttemptThenFailsForGood() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"Unknown\",\"code\":1}}")));

        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Hello")));
        dispatch(shop);
        // 1 call + 3 quick retries, then it waits for the next attempt time rather than hammering Meta.
        assertThat(bodiesTo(shop, guest)).hasSize(4);
        dispatch(shop);
        assertThat(bodiesTo(shop, guest)).hasSize(4);
        assertThat(rows(shop, "select status, attempts, error_code from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "queued")
                        .containsEntry("attempts", 1).containsEntry("error_code", 1));

        // Attempts due again (as the sweeper would find them later) until the bound is reached.
        for (int attempt = 2; attempt <= 5; attempt++) {
            inTenant(shop.tenant, db.sql("update messages set next_attempt_at = now() where tenant_id = :t")
                    .bind("t", shop.tenant).fetch().rowsUpdated());
            dispatch(shop);
        }
        assertThat(rows(shop, "select status, attempts from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "failed").containsEntry("attempts", 5));
    }

    @Test
    void aPermanentErrorIsRecordedWithMetasCodeAndNeverRetried() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1)
                .willReturn(metaError(400, 131026, "Message undeliverable")));

        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Hello")));
        dispatch(shop);
        inTenant(shop.tenant, db.sql("update messages set next_attempt_at = now() where tenant_id = :t")
                .bind("t", shop.tenant).fetch().rowsUpdated());
        dispatch(shop);

        assertThat(bodiesTo(shop, guest)).hasSize(1);
        assertThat(rows(shop, "select status, error_code, error_detail from messages where conversation_key = '" + guest + "'"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("status", "failed").containsEntry("error_code", 131026);
                    assertThat((String) row.get("error_detail")).contains("Message undeliverable");
                });
    }

    // --- pace per number --------------------------------------------------------------------

    @Test
    void aCoexistenceNumberIsPacedAtItsLowerRate() {
        var shop = Shop.open(true);
        int messages = 30;
        for (int i = 0; i < messages; i++) {
            var guest = shop.guestWhoWrote(Duration.ofMinutes(1));
            inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Reminder " + i)));
        }
        long started = System.nanoTime();
        dispatch(shop);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<LoggedRequest> sent = meta.findAll(postRequestedFor(urlPathEqualTo(shop.path())));
        assertThat(sent).hasSize(messages);
        // 20 messages/s: 30 messages need at least 29 intervals of 50 ms.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        long spanMillis = sent.getLast().getLoggedDate().getTime() - sent.getFirst().getLoggedDate().getTime();
        assertThat(spanMillis).isGreaterThanOrEqualTo(1350);
    }

    @Test
    void aBusinessAppSyncForTheNumberMakesItACoexistenceNumber() {
        var shop = Shop.open(false);
        String body = """
                {"wabaId":"2000","field":"smb_app_state_sync","phoneNumberId":"%s",
                 "value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},"state_sync":[]}}
                """.formatted(shop.number, shop.number);
        EventContract.assertValid("io.dinechat.whatsapp.notice.received", body.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.status.v1", shop.number, UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.notice.received", null, body);
        }

        Eventually.await("number marked coexistence", () -> Boolean.TRUE.equals(rows(shop,
                "select coexistence from whatsapp_channels where phone_number_id = '" + shop.number + "'")
                .getFirst().get("coexistence")));
    }

    // --- statuses ---------------------------------------------------------------------------

    @Test
    void statusesInAnyOrderAndRepeatedLeaveTheFurthestState() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Booked")));
        dispatch(shop);
        String wamid = (String) rows(shop, "select whatsapp_message_id from messages where conversation_key = '" + guest + "'")
                .getFirst().get("whatsapp_message_id");

        for (int delivery = 0; delivery < 3; delivery++) { // Meta redelivers; order is not guaranteed
            publishStatus(shop, guest, wamid, "read", null);
            publishStatus(shop, guest, wamid, "delivered", null);
            publishStatus(shop, guest, wamid, "sent", null);
        }
        Eventually.await("read recorded", () -> "read".equals(statusOf(shop, wamid)));
        // A marker status behind them on the same partition proves they were all consumed.
        awaitConsumed(shop, guest);
        assertThat(statusOf(shop, wamid)).isEqualTo("read");
    }

    @Test
    void aStatusThatOvertakesTheSendIsAppliedWhenTheSendIsRecorded() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        String wamid = "wamid.early-" + UUID.randomUUID();
        meta.stubFor(post(urlPathEqualTo(shop.path())).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}")));

        publishStatus(shop, guest, wamid, "delivered", null);
        awaitConsumed(shop, guest);
        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Quick one")));
        dispatch(shop);

        assertThat(statusOf(shop, wamid)).isEqualTo("delivered");
    }

    @Test
    void aFailedStatusRecordsMetasReason() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(5));
        inTenant(shop.tenant, conversations.queueReply(shop.tenant, guest, new Text("Booked")));
        dispatch(shop);
        String wamid = (String) rows(shop, "select whatsapp_message_id from messages where conversation_key = '" + guest + "'")
                .getFirst().get("whatsapp_message_id");

        publishStatus(shop, guest, wamid, "failed", """
                [{"code":131049,"title":"This message was not delivered to maintain healthy ecosystem engagement.",
                  "message":"This message was not delivered to maintain healthy ecosystem engagement.",
                  "error_data":{"details":"In order to maintain a healthy ecosystem engagement, the message failed to be delivered."}}]""");

        Eventually.await("failure recorded", () -> "failed".equals(statusOf(shop, wamid)));
        assertThat(rows(shop, "select error_code, error_detail from messages where whatsapp_message_id = '" + wamid + "'"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("error_code", 131049);
                    assertThat((String) row.get("error_detail")).contains("healthy ecosystem engagement");
                });
    }

    // --- notifications from other services --------------------------------------------------

    @Test
    void aNotificationIsSentAsTextWithButtonsInsideTheWindowOnceWhateverTheRedeliveries() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofHours(3));
        String request = notification(UUID.randomUUID(), shop.tenant, guest, null);

        for (int i = 0; i < 3; i++) {
            publishNotification(guest, request);
        }

        Eventually.await("notification sent", () -> bodiesTo(shop, guest).size() == 1);
        awaitNotificationsConsumed(shop, guest);
        assertThat(bodiesTo(shop, guest)).singleElement().asString()
                .contains("\"type\":\"button\"", "Reminder: table for 2 tomorrow at 20:00", "reservation:cancel:R-7K3P");
    }

    @Test
    void aNotificationToAGuestOutsideTheWindowUsesItsTemplate() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofDays(3));
        publishNotification(guest, notification(UUID.randomUUID(), shop.tenant, guest, null));

        Eventually.await("template sent", () -> bodiesTo(shop, guest).size() == 1);
        assertThat(bodiesTo(shop, guest).getFirst()).contains("\"type\":\"template\"", "reservation_reminder", "R-7K3P",
                "\"code\":\"fr\"");
    }

    @Test
    void anExpiredNotificationOrOneForAnotherBusinessIsNeverSent() {
        var shop = Shop.open(false);
        var other = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofHours(1));
        publishNotification(guest, notification(UUID.randomUUID(), shop.tenant, guest, Instant.now().minusSeconds(60)));
        publishNotification(guest, notification(UUID.randomUUID(), other.tenant, guest, null));

        UUID marker = awaitNotificationsConsumed(shop, guest);
        assertThat(bodiesTo(shop, guest)).isEmpty();
        assertThat(rows(shop, "select status from messages where conversation_key = '" + guest
                + "' and notification_id is not null and notification_id <> '" + marker + "'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "expired"));
    }

    // --- presence and media -----------------------------------------------------------------

    @Test
    void typingAndReadReceiptsGoOutWithTheBusinessToken() {
        var shop = Shop.open(false);
        var guest = shop.guestWhoWrote(Duration.ofMinutes(1));

        presence.typing(shop.tenant, guest, "wamid.guest-typing").block(Duration.ofSeconds(10));
        presence.markRead(shop.tenant, guest, "wamid.guest-read").block(Duration.ofSeconds(10));

        var calls = meta.findAll(postRequestedFor(urlPathEqualTo(shop.path()))
                .withHeader("Authorization", equalTo("Bearer " + shop.token)));
        assertThat(calls).extracting(LoggedRequest::getBodyAsString).satisfiesExactly(
                typing -> assertThat(typing).contains("\"typing_indicator\"", "wamid.guest-typing"),
                read -> assertThat(read).contains("\"status\":\"read\"", "wamid.guest-read").doesNotContain("typing"));
    }

    @Test
    void aVoiceNoteIsDownloadedWithTheBusinessToken() {
        var shop = Shop.open(false);
        String mediaId = "media" + shop.number;
        meta.stubFor(get(urlPathEqualTo("/v23.0/" + mediaId)).withHeader("Authorization", equalTo("Bearer " + shop.token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","url":"%s/dl/%s","mime_type":"audio/ogg; codecs=opus",
                         "sha256":"abc","file_size":5,"id":"%s"}""".formatted(meta.baseUrl(), mediaId, mediaId))));
        meta.stubFor(get(urlPathEqualTo("/dl/" + mediaId)).withHeader("Authorization", equalTo("Bearer " + shop.token))
                .willReturn(aResponse().withStatus(200).withBody("OggS!".getBytes(StandardCharsets.US_ASCII))));

        var note = media.download(shop.tenant, shop.number, mediaId).block(Duration.ofSeconds(10));

        assertThat(note.mimeType()).startsWith("audio/ogg");
        assertThat(new String(note.bytes(), StandardCharsets.US_ASCII)).isEqualTo("OggS!");
    }

    // --- the restaurant and its guests --------------------------------------------------------

    /** A business with its own WhatsApp number and token, new for each test. */
    record Shop(UUID tenant, String number, String token, OutboundDeliveryTests test) {
        static OutboundDeliveryTests current;

        static Shop open(boolean coexistence) {
            var shop = new Shop(UUID.randomUUID(), String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L,
                    999_999_999_999_999L)), "token-" + UUID.randomUUID(), current);
            current.inTenant(shop.tenant, current.channels.connect(shop.tenant, shop.number, "+961 1 000 000", null, shop.token)
                    .then(current.channels.markCoexistence(shop.tenant, shop.number, coexistence)));
            return shop;
        }

        String path() {
            return "/v23.0/" + number + "/messages";
        }

        /** A guest whose last message to the business was {@code ago}: the window runs from there. */
        ConversationKey guestWhoWrote(Duration ago) {
            var key = new ConversationKey(number, "9617" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
            test.inTenant(tenant, test.db.sql("""
                    insert into conversations (tenant_id, conversation_key, phone_number_id, wa_id, last_inbound_at)
                    values (:t, :k, :p, :w, :at)""")
                    .bind("t", tenant).bind("k", key.toString()).bind("p", number).bind("w", key.waId())
                    .bind("at", Instant.now().minus(ago)).fetch().rowsUpdated());
            return key;
        }
    }

    @Autowired org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

    @org.junit.jupiter.api.BeforeEach
    void bind() {
        Shop.current = this;
        // Only the outbound listeners (in their own group) run here; the others share the service's
        // consumer group with other test contexts of this JVM and would take their records.
        listeners.getListenerContainers().stream()
                .filter(c -> !java.util.Set.of("whatsapp-status", "notification-requests").contains(c.getListenerId()))
                .filter(org.springframework.context.Lifecycle::isRunning)
                .forEach(org.springframework.context.Lifecycle::stop);
    }

    private void dispatch(Shop shop) {
        dispatcher.dispatch(shop.tenant).block(Duration.ofSeconds(30));
    }

    private <T> T inTenant(UUID tenant, reactor.core.publisher.Mono<T> work) {
        return tenants.inTenant(tenant, () -> work).block(Duration.ofSeconds(10));
    }

    private List<Map<String, Object>> rows(Shop shop, String sql) {
        return tenants.inTenantMany(shop.tenant, () -> db.sql(sql).fetch().all()).collectList().block(Duration.ofSeconds(10));
    }

    private String statusOf(Shop shop, String wamid) {
        var found = rows(shop, "select status from messages where whatsapp_message_id = '" + wamid + "'");
        return found.isEmpty() ? null : (String) found.getFirst().get("status");
    }

    private static List<String> bodiesTo(Shop shop, ConversationKey guest) {
        return meta.findAll(postRequestedFor(urlPathEqualTo(shop.path()))
                        .withRequestBody(containing("\"to\":\"" + guest.waId() + "\"")))
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static void publishStatus(Shop shop, ConversationKey guest, String wamid, String status, String errors) {
        String body = """
                {"conversationKey":"%1$s","wabaId":"2000","phoneNumberId":"%2$s","recipientId":"%3$s","messageId":"%4$s",
                 "status":"%5$s","at":"%6$s","errors":%7$s,
                 "statusObject":{"id":"%4$s","status":"%5$s","timestamp":"1790000000","recipient_id":"%3$s","errors":%7$s}}
                """.formatted(guest, shop.number, guest.waId(), wamid, status, Instant.now(), errors == null ? "[]" : errors);
        EventContract.assertValid("io.dinechat.whatsapp.status.updated", body.getBytes(StandardCharsets.UTF_8));
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("whatsapp.status.v1", guest.toString(), UUID.randomUUID().toString(),
                    "io.dinechat.whatsapp.status.updated", null, body);
        }
    }

    /** A status for an unknown message, behind everything published before on the partition. */
    private void awaitConsumed(Shop shop, ConversationKey guest) {
        String marker = "wamid.marker-" + UUID.randomUUID();
        publishStatus(shop, guest, marker, "delivered", null);
        Eventually.await("statuses consumed", () -> !rows(shop,
                "select 1 from early_statuses where whatsapp_message_id = '" + marker + "'").isEmpty());
    }

    private static String notification(UUID id, UUID tenant, ConversationKey guest, Instant expiresAt) {
        return """
                {"notificationId":"%s","tenantId":"%s","conversationKey":"%s","purpose":"reservation_reminder",
                 "language":"english","text":"Reminder: table for 2 tomorrow at 20:00 (R-7K3P)",
                 "buttons":[{"id":"reservation:confirm:R-7K3P","title":"Keep it"},{"id":"reservation:cancel:R-7K3P","title":"Cancel"}],
                 "template":{"name":"reservation_reminder","language":"french","parameters":["tomorrow 20:00","R-7K3P"]}%s}
                """.formatted(id, tenant, guest, expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"");
    }

    private static void publishNotification(ConversationKey guest, String body) {
        if (EventContract.hasSchema("io.dinechat.notification.requested")) {
            EventContract.assertValid("io.dinechat.notification.requested", body.getBytes(StandardCharsets.UTF_8));
        }
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send("notification.requests.v1", guest.toString(), UUID.randomUUID().toString(),
                    "io.dinechat.notification.requested", null, body);
        }
    }

    /** A last (expired) notification for this guest proves the earlier ones were handled. */
    private UUID awaitNotificationsConsumed(Shop shop, ConversationKey guest) {
        UUID marker = UUID.randomUUID();
        publishNotification(guest, notification(marker, shop.tenant, guest, Instant.now().minusSeconds(1)));
        Eventually.await("notifications consumed", () -> !rows(shop,
                "select 1 from messages where notification_id = '" + marker + "'").isEmpty());
        return marker;
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{randomValue length=16 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template");
    }

    private static ResponseDefinitionBuilder metaError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"fbtrace_id":"AbCdEf"}}"""
                .formatted(code, message, code));
    }
}
