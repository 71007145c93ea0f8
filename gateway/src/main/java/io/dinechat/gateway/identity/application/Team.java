package io.dinechat.gateway.identity.application;

import io.dinechat.gateway.identity.application.Refusal.Kind;
import io.dinechat.gateway.identity.domain.EmailAddress;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.IdentityStore.Member;
import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A business's team, managed by its owners (or a platform admin acting as the business). Every
 * change is audited in the same transaction, and a business always keeps at least one owner.
 */
@Service
public class Team {

    public record TeamMember(UUID userId, String email, String name, String role, boolean invitationPending) {
    }

    private final IdentityStore identities;
    private final TenantTransactions tenants;
    private final PasswordResets links;
    private final AuditTrail audit;

    public Team(IdentityStore identities, TenantTransactions tenants, PasswordResets links, AuditTrail audit) {
        this.identities = identities;
        this.tenants = tenants;
        this.links = links;
        this.audit = audit;
    }

    public Mono<List<TeamMember>> members(SignedInUser user) {
        return manager(user).flatMap(u -> tenants.inTenant(u.tenantId(),
                () -> identities.members().map(Team::view).collectList()));
    }

    /** Adds an existing account to the team, or creates one and mails it a set-password link. */
    public Mono<TeamMember> invite(SignedInUser user, String rawEmail, String name, String roleClaim, String clientAddress) {
        String email = EmailAddress.normalise(rawEmail);
        var problems = new java.util.ArrayList<>(EmailAddress.problems(email));
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add("name must be 1 to 200 characters");
        }
        Role role = memberRole(roleClaim);
        if (role == null) {
            problems.add("role must be owner or staff");
        }
        if (!problems.isEmpty()) {
            return Mono.error(new Refusal(Kind.INVALID_INPUT, String.join("; ", problems)));
        }
        return manager(user).flatMap(u -> identities.userByEmail(email)
                .map(existing -> new Invitee(existing.id(), existing.email(), existing.name(), false))
                .switchIfEmpty(Mono.defer(() -> {
                    UUID id = UUID.randomUUID();
                    return identities.insertUser(id, email, name.strip(), null).thenReturn(new Invitee(id, email, name.strip(), true));
                }))
                .flatMap(invitee -> tenants.inTenant(u.tenantId(), () -> identities.roleOf(invitee.id())
                        .flatMap(already -> Mono.<Invitee>error(new Refusal(Kind.CONFLICT, "That person is already in the team.")))
                        .switchIfEmpty(identities.addMembership(u.tenantId(), invitee.id(), role)
                                .then(audit.record(u.actor(clientAddress), "member.added", "user", invitee.id(), null,
                                        memberJson(invitee.email(), role)))
                                .thenReturn(invitee))
                        .flatMap(added -> added.isNew() ? identities.business(u.tenantId())
                                .flatMap(b -> links.invite(added.id(), added.email(), added.name(), b.name()))
                                .thenReturn(added) : Mono.just(added))))
                .map(added -> new TeamMember(added.id(), added.email(), added.name(), role.claim(), added.isNew())));
    }

    public Mono<TeamMember> changeRole(SignedInUser user, UUID memberId, String roleClaim, String clientAddress) {
        Role role = memberRole(roleClaim);
        if (role == null) {
            return Mono.error(new Refusal(Kind.INVALID_INPUT, "role must be owner or staff"));
        }
        return manager(user).flatMap(u -> tenants.inTenant(u.tenantId(), () -> identities.lockedOwnerCount()
                .flatMap(owners -> identities.roleOf(memberId)
                        .switchIfEmpty(Mono.error(new Refusal(Kind.NOT_FOUND, "No such team member.")))
                        .flatMap(before -> {
                            if (before == Role.OWNER && role != Role.OWNER && owners <= 1) {
                                return Mono.error(new Refusal(Kind.CONFLICT, "A business needs at least one owner."));
                            }
                            return identities.changeRole(memberId, role)
                                    .then(audit.record(u.actor(clientAddress), "member.role_changed", "user", memberId,
                                            Map.of("role", before.claim()), Map.of("role", role.claim())));
                        }))
                .then(identities.members().filter(m -> m.userId().equals(memberId)).next().map(Team::view))));
    }

    public Mono<Void> remove(SignedInUser user, UUID memberId, String clientAddress) {
        return manager(user).flatMap(u -> tenants.inTenant(u.tenantId(), () -> identities.lockedOwnerCount()
                .flatMap(owners -> identities.roleOf(memberId)
                        .switchIfEmpty(Mono.error(new Refusal(Kind.NOT_FOUND, "No such team member.")))
                        .flatMap(before -> {
                            if (before == Role.OWNER && owners <= 1) {
                                return Mono.error(new Refusal(Kind.CONFLICT, "A business needs at least one owner."));
                            }
                            return identities.removeMembership(memberId)
                                    .then(audit.record(u.actor(clientAddress), "member.removed", "user", memberId,
                                            Map.of("role", before.claim()), null));
                        }))));
    }

    /** Staff cannot manage the team (docs/contracts.md): only owners and acting platform admins. */
    private static Mono<SignedInUser> manager(SignedInUser user) {
        if (!user.hasTenant()) {
            return Mono.error(new Refusal(Kind.FORBIDDEN, "Choose a business first."));
        }
        if (!user.role().managesBusiness()) {
            return Mono.error(new Refusal(Kind.FORBIDDEN, "Only the business's owners can manage the team."));
        }
        return Mono.just(user);
    }

    private static Role memberRole(String claim) {
        if ("owner".equals(claim)) {
            return Role.OWNER;
        }
        return "staff".equals(claim) ? Role.STAFF : null;
    }

    private static TeamMember view(Member m) {
        return new TeamMember(m.userId(), m.email(), m.name(), m.role().claim(), !m.passwordSet());
    }

    private static Map<String, Object> memberJson(String email, Role role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", email);
        json.put("role", role.claim());
        return json;
    }

    private record Invitee(UUID id, String email, String name, boolean isNew) {
    }
}
