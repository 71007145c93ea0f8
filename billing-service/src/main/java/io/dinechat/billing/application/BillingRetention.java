package io.dinechat.billing.application;

import io.dinechat.billing.config.BillingProperties;
import io.dinechat.billing.persistence.BillingRecords;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Billing records are kept 6 years (tax and accounting law), then deleted, business by business. */
@Service
public class BillingRetention {

    private final TenantTransactions tenants;
    private final BillingRecords records;
    private final int years;

    public BillingRetention(TenantTransactions tenants, BillingRecords records, BillingProperties properties) {
        this.tenants = tenants;
        this.records = records;
        this.years = properties.retentionYears();
    }

    public Instant cutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusYears(years).toInstant();
    }

    /** @return how many records were deleted */
    public Mono<Long> purge(Instant now) {
        Instant cutoff = cutoff(now);
        return records.tenantsWithRecordsBefore(cutoff)
                .concatMap(tenant -> tenants.inTenant(tenant, () -> records.deleteBefore(cutoff)))
                .reduce(0L, Long::sum);
    }
}
