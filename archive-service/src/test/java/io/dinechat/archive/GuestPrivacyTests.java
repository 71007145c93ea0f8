package io.dinechat.archive;

import static io.dinechat.archive.OrderFixtures.pizza;
import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.application.MessageArchiving;
import io.dinechat.archive.application.MessageArchiving.LoggedMessage;
import io.dinechat.archive.application.OrderArchiving;
import io.dinechat.archive.application.Rollups;
import io.dinechat.archive.persistence.AuditLogs;
import io.dinechat.archive.persistence.AuditLogs.AuditEntry;
import io.dinechat.platform.security.Role;
import io.dinechat.testing.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A guest's export and erasure across every collection, on the owner's request, audited. */
class GuestPrivacyTests extends ArchiveServiceContext {

    private static final String PHONE = "96170999888";
    private static final Instant PLACED = Instant.parse("2026-11-10T12:00:00Z");

    @Autowired
    private WebTestClient http;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private OrderArchiving orders;

    @Autowired
    private MessageArchiving messages;

    @Autowired
    private AuditLogs audit;

    @Autowired
    private Rollups rollups;

    @Test
    void erasureReplacesTheGuestEverywhereInTheBusinessAndOnlyThere() {
        // given: the guest in orders, messages, an audit entry and the daily figures of two businesses
        UUID business = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String orderId = archiveOrder(business);
        archiveOrder(neighbour);
        String wamid = "wamid." + UUID.randomUUID();
        messages.logged(new LoggedMessage(business.toString(), "106540352242922:" + PHONE, "106540352242922", PHONE,
                null, "inbound", "guest", "text", "my address is 12 Rue Gouraud", wamid, UUID.randomUUID().toString(),
                PLACED, null, null, null, null, false)).block();
        messages.received(new LoggedMessage(null, "106540352242922:" + PHONE, "106540352242922", PHONE, "Nadia Haddad",
                "inbound", "guest", "text", "my address is 12 Rue Gouraud", wamid, null, PLACED, null, null, null, null,
                false)).block();
        audit.record(new AuditEntry(UUID.randomUUID().toString(), business.toString(), owner.toString(), "owner", false,
                "order.updated", "order", orderId, "{\"customer\":\"Nadia Haddad\",\"phone\":\"+" + PHONE + "\"}",
                "{\"note\":\"called 96170999888 back\"}", null, PLACED)).block();
        rollups.backfill(null, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-10")).block();

        // and: the export before, which finds it all
        http.get().uri("/api/analytics/privacy/export?phone=" + PHONE)
                .header("Authorization", TestIdentity.bearer(business, owner, Role.OWNER))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.phone").isEqualTo(PHONE)
                .jsonPath("$.orders.length()").isEqualTo(1)
                .jsonPath("$.orders[0].orderId").isEqualTo(orderId)
                .jsonPath("$.orders[0].total").isEqualTo("10.00")
                .jsonPath("$.orders[0].customer.name").isEqualTo("Nadia Haddad")
                .jsonPath("$.messages.length()").isEqualTo(1)
                .jsonPath("$.messages[0].text").isEqualTo("my address is 12 Rue Gouraud");

        // when
        http.post().uri("/api/analytics/privacy/erase").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestIdentity.bearer(business, owner, Role.OWNER))
                .bodyValue("{\"phone\":\"+961 70 999 888\"}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orders").isEqualTo(1)
                .jsonPath("$.messages").isEqualTo(1)
                .jsonPath("$.dailyFigures").isEqualTo(1)
                .jsonPath("$.auditEntries").isEqualTo(1);

        // then: nothing of the business names the guest any more, in any collection
        for (String collection : List.of("order_logs", "message_logs", "audit_logs", "daily_business_metrics")) {
            assertThat(dump(collection, business.toString())).as(collection)
                    .doesNotContain(PHONE).doesNotContain("Nadia").doesNotContain("Haddad")
                    .doesNotContain("Rue Gouraud");
        }
        assertThat(dump("order_logs", business.toString())).contains("erased-");
        assertThat(dump("daily_business_metrics", business.toString())).contains("erased-");
        // the business's figures stay
        Document day = one("daily_business_metrics", business.toString());
        assertThat(day.getInteger("ordersCount")).isEqualTo(1);
        // the neighbour's records of the same number are untouched
        assertThat(dump("order_logs", neighbour.toString())).contains(PHONE).contains("Nadia Haddad");
        // and the erasure is in the audit log, under a keyed hash rather than the number
        http.get().uri("/api/audit?action=guest.data_erased")
                .header("Authorization", TestIdentity.bearer(business, owner, Role.OWNER))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.entries[0].actor.userId").isEqualTo(owner.toString())
                .jsonPath("$.entries[0].entityType").isEqualTo("guest")
                .jsonPath("$.entries[0].after.orders").isEqualTo(1);
        http.get().uri("/api/analytics/privacy/export?phone=" + PHONE)
                .header("Authorization", TestIdentity.bearer(business, owner, Role.OWNER))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orders.length()").isEqualTo(0)
                .jsonPath("$.messages.length()").isEqualTo(0);

        // and when: the same guest's next order is archived, or a redelivery of an old message arrives
        String later = archiveOrder(business);
        messages.received(new LoggedMessage(null, "106540352242922:" + PHONE, "106540352242922", PHONE, "Nadia Haddad",
                "inbound", "guest", "text", "my address is 12 Rue Gouraud", wamid, null, PLACED, null, null, null, null,
                false)).block();

        // then: it is stored under the same pseudonym, never under the number
        assertThat(dump("order_logs", business.toString())).doesNotContain(PHONE).doesNotContain("Nadia")
                .contains(later);
        assertThat(dump("message_logs", business.toString())).doesNotContain(PHONE).doesNotContain("Gouraud");
    }

    @Test
    void onlyTheOwnerMayExportOrErase() {
        UUID business = UUID.randomUUID();
        http.post().uri("/api/analytics/privacy/erase").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.STAFF))
                .bodyValue("{\"phone\":\"" + PHONE + "\"}")
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/analytics/privacy/export?phone=" + PHONE)
                .header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.STAFF))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/analytics/privacy/export?phone=" + PHONE).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/analytics/privacy/erase").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.OWNER))
                .bodyValue("{\"phone\":\"call me\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String archiveOrder(UUID tenant) {
        String orderId = UUID.randomUUID().toString();
        orders.archive(tenant.toString(), orderId, Document.parse(OrderFixtures.order(orderId, tenant.toString(),
                UUID.randomUUID().toString(), PHONE, "Nadia Haddad", "french", "completed", PLACED,
                Duration.ofMinutes(30), "0.00", pizza(1)))).block(Duration.ofSeconds(30));
        return orderId;
    }

    private String dump(String collection, String tenant) {
        return mongo.getCollection(collection)
                .flatMapMany(c -> c.find(new Document("tenantId", tenant)))
                .map(Document::toJson).collectList().block(Duration.ofSeconds(10)).toString()
                + new String(new byte[0], StandardCharsets.UTF_8);
    }

    private Document one(String collection, String tenant) {
        return mongo.getCollection(collection).flatMap(c -> reactor.core.publisher.Mono.from(
                c.find(new Document("tenantId", tenant)).first())).block(Duration.ofSeconds(10));
    }
}
