package io.dinechat.archive.domain;

import io.dinechat.archive.domain.DayFigures.Completion;
import io.dinechat.archive.domain.DayFigures.CustomerSpend;
import io.dinechat.archive.domain.DayFigures.ItemSales;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The premium analytics, computed from a business's {@link DayFigures} over a date range (one
 * branch or all). Pure: the same answers whether the days come from the nightly roll-up or are
 * folded on the spot from raw order logs. Money is rounded to the currency's minor unit.
 */
public final class SalesReport {

    private final List<DayFigures> days;
    private final String currency;
    private final int scale;

    public SalesReport(List<DayFigures> days) {
        this.days = List.copyOf(days);
        this.currency = this.days.stream().map(DayFigures::currency).filter(c -> c != null).findFirst().orElse(null);
        this.scale = minorDigits(currency);
    }

    public String currency() {
        return currency;
    }

    public Totals totals() {
        int orders = 0;
        int cancelled = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (DayFigures day : days) {
            orders += day.orders();
            cancelled += day.cancelled();
            revenue = revenue.add(day.revenue());
        }
        return new Totals(orders, cancelled, money(revenue), averageOf(revenue, orders), currency);
    }

    /** Guests ranked by what they spent (identified days only), then by orders, then by phone. */
    public List<Spender> biggestSpenders(int limit) {
        return customers().values().stream()
                .sorted(Comparator.comparing(CustomerSpend::spend).reversed()
                        .thenComparing(Comparator.comparingInt(CustomerSpend::orders).reversed())
                        .thenComparing(CustomerSpend::phone))
                .limit(limit)
                .map(c -> new Spender(c.phone(), c.name(), c.orders(), money(c.spend())))
                .toList();
    }

    /** Sales by local hour of day (0-23, summed over the range), by day, or by ISO week (starting Monday). */
    public List<Bucket> sales(Granularity by) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<String, Integer> orders = new TreeMap<>();
        for (DayFigures day : days) {
            switch (by) {
                case HOUR -> day.hours().forEach(h -> {
                    String key = "%02d".formatted(h.hour());
                    orders.merge(key, h.orders(), Integer::sum);
                    revenue.merge(key, h.revenue(), BigDecimal::add);
                });
                case DAY, WEEK -> {
                    if (day.orders() > 0) {
                        String key = by == Granularity.DAY ? day.day().toString()
                                : day.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
                        orders.merge(key, day.orders(), Integer::sum);
                        revenue.merge(key, day.revenue(), BigDecimal::add);
                    }
                }
            }
        }
        List<Bucket> out = new ArrayList<>();
        orders.forEach((key, n) -> out.add(new Bucket(key, n, money(revenue.get(key)))));
        return out;
    }

    /** Items by quantity sold, then revenue, then name. */
    public List<ItemSales> mostOrderedItems(int limit) {
        Map<String, ItemSales> items = new HashMap<>();
        for (DayFigures day : days) {
            for (ItemSales item : day.items()) {
                String id = item.itemId() == null ? item.name() : item.itemId();
                items.merge(id, item, (a, b) -> new ItemSales(a.itemId(), b.name(), a.quantity() + b.quantity(),
                        a.revenue().add(b.revenue())));
            }
        }
        return items.values().stream()
                .sorted(Comparator.comparingInt(ItemSales::quantity).reversed()
                        .thenComparing(Comparator.comparing(ItemSales::revenue).reversed())
                        .thenComparing(ItemSales::name))
                .limit(limit)
                .map(i -> new ItemSales(i.itemId(), i.name(), i.quantity(), money(i.revenue())))
                .toList();
    }

    /** A repeat customer is a guest with two completed orders or more within the range. */
    public Repeats repeatCustomers() {
        Map<String, CustomerSpend> customers = customers();
        int repeat = 0;
        int ordersOfRepeat = 0;
        for (CustomerSpend c : customers.values()) {
            if (c.orders() >= 2) {
                repeat++;
                ordersOfRepeat += c.orders();
            }
        }
        return new Repeats(customers.size(), repeat, percent(repeat, customers.size()), ordersOfRepeat);
    }

    public Completion completion() {
        Completion all = Completion.NONE;
        for (DayFigures day : days) {
            all = all.plus(day.completion());
        }
        return all;
    }

    public CompletionTime completionTime() {
        Completion all = completion();
        if (all.count() == 0) {
            return new CompletionTime(0, null, null, null);
        }
        return new CompletionTime(all.count(), minutes((double) all.totalSeconds() / all.count()),
                minutes(all.minSeconds()), minutes(all.maxSeconds()));
    }

    /** Each branch's totals, busiest first. */
    public List<BranchFigures> branches() {
        Map<String, List<DayFigures>> byBranch = new TreeMap<>();
        for (DayFigures day : days) {
            byBranch.computeIfAbsent(String.valueOf(day.branchId()), b -> new ArrayList<>()).add(day);
        }
        List<BranchFigures> out = new ArrayList<>();
        byBranch.forEach((branch, branchDays) -> {
            SalesReport report = new SalesReport(branchDays);
            Totals t = report.totals();
            out.add(new BranchFigures(branchDays.getFirst().branchId(), t.orders(), t.cancelled(), t.revenue(),
                    t.averageOrderValue(), report.completionTime().averageMinutes()));
        });
        out.sort(Comparator.comparing(BranchFigures::revenue).reversed().thenComparing(b -> String.valueOf(b.branchId())));
        return out;
    }

    /** Completed orders by the language the guest ordered in, most used first. */
    public List<LanguageShare> languages() {
        Map<String, Integer> counts = new TreeMap<>();
        days.forEach(d -> d.languages().forEach((lang, n) -> counts.merge(lang, n, Integer::sum)));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new LanguageShare(e.getKey(), e.getValue(), percent(e.getValue(), total)))
                .toList();
    }

    private Map<String, CustomerSpend> customers() {
        Map<String, CustomerSpend> customers = new HashMap<>();
        for (DayFigures day : days) {
            for (CustomerSpend c : day.customers()) {
                customers.merge(c.phone(), c, (a, b) -> new CustomerSpend(a.phone(),
                        b.name() == null ? a.name() : b.name(), a.orders() + b.orders(), a.spend().add(b.spend())));
            }
        }
        return customers;
    }

    private BigDecimal averageOf(BigDecimal revenue, int orders) {
        return orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), scale, RoundingMode.HALF_EVEN);
    }

    private BigDecimal money(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double minutes(double seconds) {
        return BigDecimal.valueOf(seconds / 60.0).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static int minorDigits(String currency) {
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    public enum Granularity {
        HOUR, DAY, WEEK
    }

    public record Totals(int orders, int cancelled, BigDecimal revenue, BigDecimal averageOrderValue,
            String currency) {
    }

    public record Spender(String phone, String name, int orders, BigDecimal spend) {
    }

    /** {@code key}: "HH" for hours, the date for days, the Monday of the week for weeks. */
    public record Bucket(String key, int orders, BigDecimal revenue) {
    }

    public record Repeats(int customers, int repeatCustomers, double repeatRatePercent, int ordersFromRepeatCustomers) {
    }

    public record CompletionTime(int measuredOrders, Double averageMinutes, Double fastestMinutes,
            Double slowestMinutes) {
    }

    public record BranchFigures(String branchId, int orders, int cancelled, BigDecimal revenue,
            BigDecimal averageOrderValue, Double averageCompletionMinutes) {
    }

    public record LanguageShare(String language, int orders, double sharePercent) {
    }
}
