package io.dinechat.gateway.config;

import io.dinechat.gateway.identity.application.Passwords;
import io.dinechat.gateway.identity.domain.Role;
import io.dinechat.gateway.identity.persistence.IdentityStore;
import io.dinechat.gateway.identity.persistence.IdentityStore.Business;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The local stack's demo restaurant (seeded by order-service and conversation-service under the
 * same tenant id) gets an owner account, so a newcomer can sign in to its dashboard. Off unless
 * {@code DINECHAT_DEMO_ENABLED=true} and a password is given; idempotent across restarts.
 */
@Component
@ConditionalOnProperty(name = "dinechat.gateway.identity.demo.enabled", havingValue = "true")
class DemoOwner implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoOwner.class);

    private final IdentityStore identities;
    private final TenantTransactions tenants;
    private final Passwords passwords;
    private final IdentityProperties.Demo demo;

    DemoOwner(IdentityStore identities, TenantTransactions tenants, Passwords passwords, IdentityProperties properties) {
        this.identities = identities;
        this.tenants = tenants;
        this.passwords = passwords;
        this.demo = properties.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.ownerPassword().isBlank()) {
            log.warn("Demo enabled without DINECHAT_DEMO_OWNER_PASSWORD: no demo owner account");
            return;
        }
        UUID tenant = demo.tenantId();
        // Startup, not a request path.
        identities.userByEmail(demo.ownerEmail()).hasElement().flatMap(exists -> exists ? Mono.<Void>empty()
                : passwords.hash(demo.ownerPassword()).flatMap(hash -> tenants.inTenant(tenant, () -> {
                    UUID owner = UUID.randomUUID();
                    return identities.business(tenant).hasElement()
                            .flatMap(has -> has ? Mono.<Void>empty() : identities.insertBusiness(new Business(tenant,
                                    demo.businessName(), "restaurant", "Asia/Beirut", "english", "USD")))
                            .then(identities.insertUser(owner, demo.ownerEmail(), "Demo owner", hash))
                            .then(identities.addMembership(tenant, owner, Role.OWNER));
                })).doOnSuccess(done -> log.info("Demo owner {} can sign in to {}", demo.ownerEmail(), demo.businessName())))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public int getOrder() {
        // After the runtime role guard.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
