package io.dinechat.archive.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One business's figures for one branch and one local day: a document of
 * {@code daily_business_metrics}. Every figure counts completed orders; cancelled ones are only
 * counted. The lists are complete (not just the top entries), so figures over a date range are
 * exact sums of days.
 *
 * @param customers    spend per guest that day; empty once the day is de-identified (older than 12 months)
 * @param deidentified true once guests' phone numbers and names were removed
 */
public record DayFigures(String tenantId, String branchId, LocalDate day, String currency, int orders,
        int cancelled, BigDecimal revenue, List<HourSales> hours, List<ItemSales> items,
        List<CustomerSpend> customers, int distinctCustomers, Map<String, Integer> languages,
        Completion completion, boolean deidentified) {

    public DayFigures {
        hours = List.copyOf(hours);
        items = List.copyOf(items);
        customers = List.copyOf(customers);
        languages = Map.copyOf(languages);
    }

    /** The same day without the guests' identities: counts stay, who ordered goes. */
    public DayFigures deidentify() {
        return new DayFigures(tenantId, branchId, day, currency, orders, cancelled, revenue, hours, items, List.of(),
                distinctCustomers, languages, completion, true);
    }

    /** Orders and revenue of one local hour (0-23). */
    public record HourSales(int hour, int orders, BigDecimal revenue) {
    }

    public record ItemSales(String itemId, String name, int quantity, BigDecimal revenue) {
    }

    /** A guest's orders and spend; name is the latest one the guest gave. */
    public record CustomerSpend(String phone, String name, int orders, BigDecimal spend) {
    }

    /** Placed-to-completed times of the day's completed orders, in seconds. */
    public record Completion(int count, long totalSeconds, long minSeconds, long maxSeconds) {

        public static final Completion NONE = new Completion(0, 0, 0, 0);

        public Completion plus(Completion other) {
            if (other.count == 0) {
                return this;
            }
            if (count == 0) {
                return other;
            }
            return new Completion(count + other.count, totalSeconds + other.totalSeconds,
                    Math.min(minSeconds, other.minSeconds), Math.max(maxSeconds, other.maxSeconds));
        }
    }
}
