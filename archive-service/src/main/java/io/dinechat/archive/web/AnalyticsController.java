package io.dinechat.archive.web;

import io.dinechat.archive.application.Analytics;
import io.dinechat.archive.application.Analytics.Period;
import io.dinechat.archive.application.Rollups;
import io.dinechat.archive.domain.SalesReport;
import io.dinechat.archive.domain.SalesReport.Granularity;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The premium analytics of the caller's business (the tenant comes from the gateway's token), for
 * owners and platform admins acting on the business. Each answer names its period ({@code from}
 * and {@code to}, local dates, inclusive; default the last 30 days up to yesterday), the branch
 * filter and the currency; money is a decimal string. Days are those of the nightly roll-up.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    /** Two years: what the daily figures keep (de-identified after the first). */
    private static final long MAX_DAYS = 731;

    private final Analytics analytics;
    private final Rollups rollups;

    AnalyticsController(Analytics analytics, Rollups rollups) {
        this.analytics = analytics;
        this.rollups = rollups;
    }

    @GetMapping("/summary")
    Mono<Map<String, Object>> summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> {
            var totals = report.totals();
            var repeats = report.repeatCustomers();
            return fields("orders", totals.orders(), "cancelledOrders", totals.cancelled(),
                    "revenue", money(totals.revenue()), "averageOrderValue", money(totals.averageOrderValue()),
                    "customers", repeats.customers(), "repeatCustomers", repeats.repeatCustomers(),
                    "averageCompletionMinutes", report.completionTime().averageMinutes());
        });
    }

    @GetMapping("/spenders")
    Mono<Map<String, Object>> biggestSpenders(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "10") int limit) {
        int top = limit(limit);
        return answer(from, to, branchId, report -> fields("spenders", report.biggestSpenders(top).stream()
                .map(s -> fields("phone", s.phone(), "name", s.name(), "orders", s.orders(),
                        "spend", money(s.spend())))
                .toList()));
    }

    @GetMapping("/sales")
    Mono<Map<String, Object>> sales(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "day") String by) {
        Granularity granularity = switch (by.toLowerCase(Locale.ROOT)) {
            case "hour" -> Granularity.HOUR;
            case "day" -> Granularity.DAY;
            case "week" -> Granularity.WEEK;
            default -> throw Problems.badRequest("by must be hour, day or week");
        };
        return answer(from, to, branchId, report -> fields("by", granularity.name().toLowerCase(Locale.ROOT),
                "buckets", report.sales(granularity).stream()
                        .map(b -> fields(granularity == Granularity.HOUR ? "hour" : granularity == Granularity.DAY
                                ? "day" : "weekStarting", b.key(), "orders", b.orders(), "revenue", money(b.revenue())))
                        .toList()));
    }

    @GetMapping("/items")
    Mono<Map<String, Object>> mostOrderedItems(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "10") int limit) {
        int top = limit(limit);
        return answer(from, to, branchId, report -> fields("items", report.mostOrderedItems(top).stream()
                .map(i -> fields("itemId", i.itemId(), "name", i.name(), "quantity", i.quantity(),
                        "revenue", money(i.revenue())))
                .toList()));
    }

    @GetMapping("/customers/repeat")
    Mono<Map<String, Object>> repeatCustomers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> {
            var r = report.repeatCustomers();
            return fields("customers", r.customers(), "repeatCustomers", r.repeatCustomers(),
                    "repeatRatePercent", r.repeatRatePercent(), "ordersFromRepeatCustomers", r.ordersFromRepeatCustomers());
        });
    }

    @GetMapping("/order-value")
    Mono<Map<String, Object>> averageOrderValue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> {
            var t = report.totals();
            return fields("orders", t.orders(), "revenue", money(t.revenue()),
                    "averageOrderValue", money(t.averageOrderValue()));
        });
    }

    @GetMapping("/completion-time")
    Mono<Map<String, Object>> completionTime(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> {
            var c = report.completionTime();
            return fields("measuredOrders", c.measuredOrders(), "averageMinutes", c.averageMinutes(),
                    "fastestMinutes", c.fastestMinutes(), "slowestMinutes", c.slowestMinutes());
        });
    }

    @GetMapping("/branches")
    Mono<Map<String, Object>> branches(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> fields("branches", report.branches().stream()
                .map(b -> fields("branchId", b.branchId(), "orders", b.orders(),
                        "cancelledOrders", b.cancelled(), "revenue", money(b.revenue()),
                        "averageOrderValue", money(b.averageOrderValue()),
                        "averageCompletionMinutes", b.averageCompletionMinutes()))
                .toList()));
    }

    @GetMapping("/languages")
    Mono<Map<String, Object>> languages(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return answer(from, to, branchId, report -> fields("languages", report.languages().stream()
                .map(l -> fields("language", l.language(), "orders", l.orders(), "sharePercent", l.sharePercent()))
                .toList()));
    }

    /** On-demand backfill of the caller's business: re-rolls the period's days from the archived orders. */
    @PostMapping("/rollups")
    @ResponseStatus(HttpStatus.OK)
    Mono<Map<String, Object>> backfill(@RequestBody BackfillRequest request) {
        return Actors.requireManager().flatMap(actor -> {
            if (request == null || request.from() == null || request.to() == null) {
                return Mono.error(Problems.badRequest("from and to (YYYY-MM-DD) are required"));
            }
            checkPeriod(request.from(), request.to());
            String tenantId = actor.tenantId().toString();
            return analytics.requirePremium(tenantId)
                    .then(rollups.backfill(tenantId, request.from(), request.to()))
                    .map(days -> fields("from", request.from().toString(), "to", request.to().toString(),
                            "dayDocuments", days));
        });
    }

    record BackfillRequest(LocalDate from, LocalDate to) {
    }

    private Mono<Map<String, Object>> answer(LocalDate from, LocalDate to, UUID branchId,
            Function<SalesReport, Map<String, Object>> figures) {
        return Actors.requireManager().flatMap((Actor actor) -> {
            String tenantId = actor.tenantId().toString();
            String branch = branchId == null ? null : branchId.toString();
            return analytics.requirePremium(tenantId)
                    .then(analytics.period(tenantId, from, to))
                    .flatMap(period -> {
                        checkPeriod(period.from(), period.to());
                        return analytics.report(tenantId, branch, period).map(report -> body(period, branch, report,
                                figures.apply(report)));
                    });
        });
    }

    private static Map<String, Object> body(Period period, String branchId, SalesReport report,
            Map<String, Object> figures) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("timeZone", period.zone().getId());
        body.put("branchId", branchId);
        body.put("currency", report.currency());
        body.putAll(figures);
        return body;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw Problems.badRequest("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Problems.badRequest("a period covers at most " + MAX_DAYS + " days");
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 100) {
            throw Problems.badRequest("limit must be between 1 and 100");
        }
        return limit;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** Field names and values in order; unlike Map.of, values may be null (JSON null). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
