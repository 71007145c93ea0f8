package io.dinechat.conversation.config;

import io.dinechat.conversation.persistence.Channels;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Local stack only ({@code DINECHAT_DEMO_ENABLED=true}): connects the demo restaurant's WhatsApp
 * number, the way the dashboard's channel setup will, so a newcomer can chat at once.
 */
@Component
@ConditionalOnProperty(name = "dinechat.demo.enabled", havingValue = "true")
class DemoRestaurant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRestaurant.class);

    private final Channels channels;
    private final TenantTransactions tenants;
    private final Settings demo;

    DemoRestaurant(Channels channels, TenantTransactions tenants, Settings demo) {
        this.channels = channels;
        this.tenants = tenants;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.inTenant(demo.tenantId(), () -> channels.connect(demo.tenantId(), demo.phoneNumberId(),
                demo.displayPhoneNumber(), null, demo.accessToken())).block(Duration.ofSeconds(30));
        log.info("Demo restaurant connected on WhatsApp number {} ({})", demo.displayPhoneNumber(), demo.phoneNumberId());
    }

    @ConfigurationProperties("dinechat.demo")
    record Settings(boolean enabled, UUID tenantId, String phoneNumberId, String displayPhoneNumber, String accessToken) {
    }
}
