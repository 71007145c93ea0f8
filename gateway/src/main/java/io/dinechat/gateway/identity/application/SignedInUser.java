package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.identity.domain.Role;
import java.util.UUID;

/**
 * Who is behind a browser session, resolved on every request: the business the session works on
 * and the user's role there are read afresh, so a removed member loses access at once.
 *
 * @param tenantId null when the user has no business yet, or is a platform admin not acting as one
 * @param role     null when {@code tenantId} is null, unless the user is a platform admin
 */
public record SignedInUser(byte[] sessionHash, UUID userId, String email, String name, boolean platformAdmin,
        boolean totpEnabled, UUID tenantId, Role role, boolean actingAs) {

    public boolean hasTenant() {
        return tenantId != null && role != null;
    }

    /** The platform's view of this user inside their business, for the audit trail. */
    public io.dinechat.platform.security.Actor actor(String clientAddress) {
        return new io.dinechat.platform.security.Actor(tenantId, userId,
                io.dinechat.platform.security.Role.fromClaim(role.claim()), clientAddress, actingAs);
    }
}
