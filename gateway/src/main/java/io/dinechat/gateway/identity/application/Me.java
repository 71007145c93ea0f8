package io.dinechat.gateway.identity.application;

import java.util.List;
import java.util.UUID;

/** What the dashboard knows about the signed-in user (docs/contracts.md, "Identity REST"). */
public record Me(User user, UUID tenantId, String businessName, String role, List<Membership> memberships) {

    public record User(UUID id, String email, String name, boolean totpEnabled) {
    }

    public record Membership(UUID tenantId, String businessName, String role) {
    }
}
