package io.dinechat.billing.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing-service runs its plans.
 *
 * @param gracePeriod         how long a past-due premium business keeps premium features ({@code DINECHAT_BILLING_GRACE_PERIOD})
 * @param graceCheckInterval  how often the service looks for grace periods that ended
 * @param retentionYears      how long billing records are kept; never below 6 (tax and accounting law)
 * @param retentionCheckInterval how often records past retention are deleted
 * @param dashboardUrl        where Stripe's pages send the owner back to ({@code DINECHAT_DASHBOARD_URL})
 */
@ConfigurationProperties("dinechat.billing")
public record BillingProperties(@DefaultValue("7d") Duration gracePeriod,
        @DefaultValue("1m") Duration graceCheckInterval,
        @DefaultValue("6") int retentionYears,
        @DefaultValue("24h") Duration retentionCheckInterval,
        @DefaultValue("http://localhost:8080") URI dashboardUrl) {

    public BillingProperties {
        if (retentionYears < 6) {
            throw new IllegalArgumentException("billing records must be kept at least 6 years, not " + retentionYears);
        }
    }
}
