package io.dinechat.archive.web;

import io.dinechat.archive.persistence.AuditLogs;
import io.dinechat.archive.persistence.AuditLogs.AuditEntry;
import io.dinechat.archive.persistence.AuditLogs.AuditFilter;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The business's audit log for the dashboard: newest first, paged, filtered; owners only. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLogs audit;
    private final JsonMapper json;

    AuditController(AuditLogs audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping
    Mono<Map<String, Object>> page(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actorUserId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (page < 0 || page > 10_000 || size < 1 || size > 200) {
            throw Problems.badRequest("page must be 0 or more and size between 1 and 200");
        }
        return Actors.require(Role.OWNER, Role.PLATFORM_ADMIN)
                .flatMap(actor -> audit.page(actor.tenantId().toString(),
                        new AuditFilter(action, entityType, entityId, actorUserId, from, to), page, size))
                .map(p -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("page", p.page());
                    body.put("size", p.size());
                    body.put("total", p.total());
                    body.put("entries", p.entries().stream().map(this::entry).toList());
                    return body;
                });
    }

    private Map<String, Object> entry(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auditId", e.auditId());
        out.put("actor", Map.of("userId", String.valueOf(e.actorUserId()), "role", String.valueOf(e.actorRole()),
                "actingAs", e.actingAs()));
        out.put("action", e.action());
        out.put("entityType", e.entityType());
        out.put("entityId", e.entityId());
        out.put("before", e.beforeJson() == null ? null : json.readTree(e.beforeJson()));
        out.put("after", e.afterJson() == null ? null : json.readTree(e.afterJson()));
        out.put("clientAddress", e.clientAddress());
        out.put("at", e.at().toString());
        return out;
    }
}
