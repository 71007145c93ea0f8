package io.dinechat.archive.application;

import io.dinechat.archive.domain.DailyRollup;
import io.dinechat.archive.domain.SalesReport;
import io.dinechat.archive.domain.TenantPlan;
import io.dinechat.archive.persistence.BusinessProfiles;
import io.dinechat.archive.persistence.DailyMetrics;
import io.dinechat.archive.persistence.OrderLogs;
import io.dinechat.archive.persistence.TenantPlans;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The premium analytics of one business: reports over its daily roll-ups, for businesses whose
 * plan includes them. The same report can be folded from the raw order logs (what the roll-ups
 * save; the benchmark's baseline and a cross-check in tests).
 */
@Service
public class Analytics {

    private final DailyMetrics metrics;
    private final OrderLogs orders;
    private final BusinessProfiles profiles;
    private final TenantPlans plans;
    private final Clock clock;

    public Analytics(DailyMetrics metrics, OrderLogs orders, BusinessProfiles profiles, TenantPlans plans,
            Clock clock) {
        this.metrics = metrics;
        this.orders = orders;
        this.profiles = profiles;
        this.plans = plans;
        this.clock = clock;
    }

    /** Completes empty when the business's plan includes analytics, else with {@link PremiumRequired}. */
    public Mono<TenantPlan> requirePremium(String tenantId) {
        return plans.of(tenantId).flatMap(plan -> plan.unlocksAnalytics(clock.instant()) ? Mono.just(plan)
                : Mono.error(new PremiumRequired(plan)));
    }

    /** The period to report on: as asked, else the last 30 local days up to yesterday. */
    public Mono<Period> period(String tenantId, LocalDate from, LocalDate to) {
        return profiles.zoneOf(tenantId).map(zone -> {
            LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
            LocalDate end = to != null ? to : yesterday;
            LocalDate start = from != null ? from : end.minusDays(29);
            return new Period(start, end, zone);
        });
    }

    public Mono<SalesReport> report(String tenantId, String branchId, Period period) {
        return metrics.between(tenantId, branchId, period.from(), period.to()).collectList().map(SalesReport::new);
    }

    /** The same report computed from the raw order logs, without the roll-ups. */
    public Mono<SalesReport> reportFromOrders(String tenantId, String branchId, Period period) {
        DailyRollup rollup = new DailyRollup(t -> period.zone());
        return orders.placedBetween(tenantId, period.from().atStartOfDay(period.zone()).toInstant(),
                        period.to().plusDays(1).atStartOfDay(period.zone()).toInstant())
                .filter(o -> branchId == null || branchId.equals(o.branchId()))
                .doOnNext(rollup::add)
                .then(Mono.fromSupplier(() -> new SalesReport(rollup.figures())));
    }

    public record Period(LocalDate from, LocalDate to, ZoneId zone) {
    }

    /** The business's plan does not include analytics. */
    public static final class PremiumRequired extends RuntimeException {

        private final transient TenantPlan plan;

        PremiumRequired(TenantPlan plan) {
            super("analytics need the premium plan", null, false, false);
            this.plan = plan;
        }

        public TenantPlan plan() {
            return plan;
        }
    }
}
