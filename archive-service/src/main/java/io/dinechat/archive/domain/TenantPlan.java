package io.dinechat.archive.domain;

import java.time.Instant;

/**
 * A business's plan as billing-service last announced it (highest version wins).
 *
 * @param premiumFeatures billing's verdict: premium and active, or inside the past-due grace period
 */
public record TenantPlan(String tenantId, String plan, String status, boolean premiumFeatures, Instant graceUntil,
        long version) {

    /** Businesses billing has not spoken about yet get what a standard plan gets. */
    public static TenantPlan unknown(String tenantId) {
        return new TenantPlan(tenantId, "standard", "unknown", false, null, -1);
    }

    /** Premium features now: billing said so, and a past-due grace period has not run out since. */
    public boolean unlocksAnalytics(Instant now) {
        return premiumFeatures && !("past_due".equals(status) && graceUntil != null && now.isAfter(graceUntil));
    }
}
