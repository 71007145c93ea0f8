package io.dinechat.archive.domain;

import io.dinechat.archive.domain.DayFigures.Completion;
import io.dinechat.archive.domain.DayFigures.CustomerSpend;
import io.dinechat.archive.domain.DayFigures.HourSales;
import io.dinechat.archive.domain.DayFigures.ItemSales;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds archived orders into {@link DayFigures} per business, branch and local day. The day and
 * hour of an order are those of its placing, in the business's own time zone.
 */
public final class DailyRollup {

    private final Function<String, ZoneId> zoneOfTenant;
    private final Map<Key, Day> days = new HashMap<>();

    public DailyRollup(Function<String, ZoneId> zoneOfTenant) {
        this.zoneOfTenant = zoneOfTenant;
    }

    public void add(OrderLog order) {
        if (order.placedAt() == null || (!order.completed() && !order.cancelled())) {
            return; // only finished orders are archived; anything else is not a sale yet
        }
        ZonedDateTime local = order.placedAt().atZone(zoneOfTenant.apply(order.tenantId()));
        days.computeIfAbsent(new Key(order.tenantId(), order.branchId(), local.toLocalDate()), Day::new)
                .add(order, local.getHour());
    }

    /** The days seen, each only if {@code wanted} accepts its local date. */
    public List<DayFigures> figures(java.util.function.Predicate<LocalDate> wanted) {
        List<DayFigures> out = new ArrayList<>();
        for (Day day : days.values()) {
            if (wanted.test(day.key.day)) {
                out.add(day.figures());
            }
        }
        out.sort(Comparator.comparing(DayFigures::tenantId).thenComparing(DayFigures::day)
                .thenComparing(f -> String.valueOf(f.branchId())));
        return out;
    }

    public List<DayFigures> figures() {
        return figures(d -> true);
    }

    private record Key(String tenantId, String branchId, LocalDate day) {
    }

    private static final class Day {
        private final Key key;
        private String currency;
        private int orders;
        private int cancelled;
        private BigDecimal revenue = BigDecimal.ZERO;
        private final Map<Integer, int[]> hourOrders = new TreeMap<>();
        private final Map<Integer, BigDecimal> hourRevenue = new TreeMap<>();
        private final Map<String, ItemSales> items = new LinkedHashMap<>();
        private final Map<String, CustomerSpend> customers = new LinkedHashMap<>();
        private final Map<String, Integer> languages = new TreeMap<>();
        private Completion completion = Completion.NONE;

        Day(Key key) {
            this.key = key;
        }

        void add(OrderLog order, int hour) {
            if (currency == null) {
                currency = order.currency();
            }
            if (order.cancelled()) {
                cancelled++;
                return;
            }
            BigDecimal total = order.total() == null ? BigDecimal.ZERO : order.total();
            orders++;
            revenue = revenue.add(total);
            hourOrders.computeIfAbsent(hour, h -> new int[1])[0]++;
            hourRevenue.merge(hour, total, BigDecimal::add);
            for (OrderLog.Line line : order.lines()) {
                String id = line.itemId() == null ? line.name() : line.itemId();
                BigDecimal lineTotal = line.lineTotal() == null ? BigDecimal.ZERO : line.lineTotal();
                items.merge(id, new ItemSales(line.itemId(), line.name(), line.quantity(), lineTotal),
                        (a, b) -> new ItemSales(a.itemId(), b.name(), a.quantity() + b.quantity(),
                                a.revenue().add(b.revenue())));
            }
            if (order.customerPhone() != null) {
                customers.merge(order.customerPhone(),
                        new CustomerSpend(order.customerPhone(), order.customerName(), 1, total),
                        (a, b) -> new CustomerSpend(a.phone(), b.name() == null ? a.name() : b.name(),
                                a.orders() + 1, a.spend().add(b.spend())));
            }
            languages.merge(order.language() == null ? "unknown" : order.language(), 1, Integer::sum);
            Duration took = order.completionTime();
            if (took != null) {
                long s = took.toSeconds();
                completion = completion.plus(new Completion(1, s, s, s));
            }
        }

        DayFigures figures() {
            List<HourSales> hours = new ArrayList<>();
            hourOrders.forEach((h, n) -> hours.add(new HourSales(h, n[0], hourRevenue.get(h))));
            return new DayFigures(key.tenantId, key.branchId, key.day, currency, orders, cancelled, revenue, hours,
                    List.copyOf(items.values()), List.copyOf(customers.values()), customers.size(), languages,
                    completion, false);
        }
    }
}
