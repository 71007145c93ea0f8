package io.dinechat.platform.security;

import java.util.Objects;
import java.util.UUID;

/**
 * The person behind a dashboard request, as the gateway vouched for them in its signed token.
 * The tenant comes from here and nowhere else: never from a path or a body.
 *
 * @param tenantId      the business the request acts on
 * @param userId        the dashboard user
 * @param role          their role in that business
 * @param clientAddress the browser's address as the gateway saw it (for the audit log), or null
 * @param actingAs      true when a platform admin acts on this business (every change is audited)
 */
public record Actor(UUID tenantId, UUID userId, Role role, String clientAddress, boolean actingAs) {

    public Actor {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** Owners and platform admins (who reach a tenant only through an audited act-as token). */
    public boolean canManageBusiness() {
        return role == Role.OWNER || role == Role.PLATFORM_ADMIN;
    }
}
