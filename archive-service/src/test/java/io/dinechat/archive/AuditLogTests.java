package io.dinechat.archive;

import io.dinechat.archive.messaging.Topics;
import io.dinechat.platform.security.Role;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestIdentity;
import io.dinechat.testing.TestProducer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** audit.v1 into audit_logs, and the dashboard's audit log page: owners only, one business, paged, filtered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTests extends ArchiveServiceContext {

    private static final String RECORDED = "io.dinechat.audit.recorded";

    private final UUID business = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final String firstAudit = UUID.randomUUID().toString();

    @Autowired
    private WebTestClient http;

    @BeforeAll
    void changesOfTwoBusinesses() {
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            send(producer, business, firstAudit, "menu_item.updated", "menu_item", "2026-11-20T09:00:00Z",
                    "{\"price\":\"9.00\"}", "{\"price\":\"10.00\"}");
            send(producer, business, firstAudit, "menu_item.updated", "menu_item", "2026-11-20T09:00:00Z",
                    "{\"price\":\"9.00\"}", "{\"price\":\"10.00\"}"); // redelivered
            send(producer, business, UUID.randomUUID().toString(), "branch.updated", "branch", "2026-11-20T10:00:00Z",
                    null, "{\"name\":\"Hamra\"}");
            send(producer, business, UUID.randomUUID().toString(), "menu_item.deleted", "menu_item",
                    "2026-11-20T11:00:00Z", "{\"name\":\"Tabbouleh\"}", null);
            send(producer, other, UUID.randomUUID().toString(), "menu_item.updated", "menu_item",
                    "2026-11-20T12:00:00Z", null, "{}");
        }
        Eventually.await("audit entries stored", () -> total(business) == 3 && total(other) == 1);
    }

    @Test
    void theOwnerPagesTheirBusinessesEntriesNewestFirst() {
        page(business, "/api/audit?size=2")
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].action").isEqualTo("menu_item.deleted")
                .jsonPath("$.entries[0].before.name").isEqualTo("Tabbouleh")
                .jsonPath("$.entries[0].after").isEmpty()
                .jsonPath("$.entries[1].action").isEqualTo("branch.updated");
        page(business, "/api/audit?size=2&page=1")
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].auditId").isEqualTo(firstAudit)
                .jsonPath("$.entries[0].actor.userId").isEqualTo(owner.toString())
                .jsonPath("$.entries[0].actor.role").isEqualTo("owner")
                .jsonPath("$.entries[0].after.price").isEqualTo("10.00")
                .jsonPath("$.entries[0].clientAddress").isEqualTo("203.0.113.7")
                .jsonPath("$.entries[0].at").isEqualTo("2026-11-20T09:00:00Z");
    }

    @Test
    void filtersByActionEntityTypeAndTime() {
        page(business, "/api/audit?entityType=menu_item").jsonPath("$.total").isEqualTo(2);
        page(business, "/api/audit?action=branch.updated").jsonPath("$.total").isEqualTo(1);
        page(business, "/api/audit?from=2026-11-20T09:30:00Z&to=2026-11-20T10:30:00Z")
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.entries[0].action").isEqualTo("branch.updated");
        page(other, "/api/audit").jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void staffAndStrangersAreTurnedAway() {
        http.get().uri("/api/audit").header("Authorization", TestIdentity.bearer(business, UUID.randomUUID(), Role.STAFF))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/audit?size=1000").header("Authorization", TestIdentity.bearer(business, owner, Role.OWNER))
                .exchange().expectStatus().isBadRequest();
    }

    private WebTestClient.BodyContentSpec page(UUID tenant, String uri) {
        return http.get().uri(uri).header("Authorization", TestIdentity.bearer(tenant, owner, Role.OWNER))
                .exchange().expectStatus().isOk().expectBody();
    }

    private long total(UUID tenant) {
        byte[] body = http.get().uri("/api/audit").header("Authorization", TestIdentity.bearer(tenant, owner, Role.OWNER))
                .exchange().expectBody().returnResult().getResponseBody();
        String json = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void send(TestProducer producer, UUID tenant, String auditId, String action, String entityType, String at,
            String before, String after) {
        String body = """
                {"auditId":"%s","tenantId":"%s","actor":{"userId":"%s","role":"owner","actingAs":false},
                 "action":"%s","entityType":"%s","entityId":"%s","before":%s,"after":%s,
                 "clientAddress":"203.0.113.7","at":"%s"}"""
                .formatted(auditId, tenant, owner, action, entityType, UUID.randomUUID(), before, after, at);
        EventContract.assertValid(RECORDED, body.getBytes(StandardCharsets.UTF_8));
        producer.send(Topics.AUDIT, tenant.toString(), auditId, RECORDED, tenant.toString(), body);
    }
}
