package io.dinechat.archive.persistence;

import static io.dinechat.archive.persistence.ArchiveCollections.DAILY_BUSINESS_METRICS;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.dinechat.archive.domain.DayFigures;
import io.dinechat.archive.domain.DayFigures.Completion;
import io.dinechat.archive.domain.DayFigures.CustomerSpend;
import io.dinechat.archive.domain.DayFigures.HourSales;
import io.dinechat.archive.domain.DayFigures.ItemSales;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code daily_business_metrics}: one document per business, branch and local day, replaced
 * whole on each roll-up (so re-rolling a day is idempotent). Beside the complete lists that range
 * queries sum, each document carries the day's headline figures (average order value, top items,
 * peak hours, repeat customers) for analysts reading MongoDB directly.
 */
@Component
public class DailyMetrics {

    /** The branches each business has figures for, so a period's documents can be read by id. */
    static final String METRIC_BRANCHES = "daily_business_metrics_branches";

    private final ArchiveDatabase db;

    public DailyMetrics(ArchiveDatabase db) {
        this.db = db;
    }

    public Mono<Integer> save(List<DayFigures> days, Instant rolledUpAt) {
        if (days.isEmpty()) {
            return Mono.just(0);
        }
        var writes = days.stream().map(d -> new ReplaceOneModel<>(Filters.eq("_id", id(d)), toDocument(d, rolledUpAt),
                new ReplaceOptions().upsert(true))).toList();
        Map<String, Set<String>> branches = new HashMap<>();
        days.forEach(d -> branches.computeIfAbsent(d.tenantId(), t -> new TreeSet<>()).add(String.valueOf(d.branchId())));
        return db.collection(METRIC_BRANCHES)
                .flatMap(c -> Flux.fromIterable(branches.entrySet())
                        .concatMap(e -> Mono.from(c.updateOne(Filters.eq("_id", e.getKey()),
                                Updates.addEachToSet("branches", List.copyOf(e.getValue())),
                                new UpdateOptions().upsert(true))))
                        .then())
                .then(db.collection(DAILY_BUSINESS_METRICS).flatMap(c -> Mono.from(c.bulkWrite(writes))))
                .thenReturn(days.size());
    }

    /**
     * Days of one business within [from, to] (local dates), of one branch or all. Read by their ids
     * (business | branch | day, the branches known from earlier roll-ups): a lookup on the primary
     * key, which every MongoDB, and the stand-in, answers from an index.
     */
    public Flux<DayFigures> between(String tenantId, String branchId, LocalDate from, LocalDate to) {
        Mono<List<String>> branches = branchId != null ? Mono.just(List.of(branchId))
                : db.collection(METRIC_BRANCHES)
                        .flatMap(c -> Mono.from(c.find(Filters.eq("_id", tenantId)).first()))
                        .map(d -> d.getList("branches", String.class, List.of()))
                        .defaultIfEmpty(List.of());
        return branches.flatMapMany(known -> {
            if (known.isEmpty()) {
                return Flux.empty();
            }
            List<String> ids = new ArrayList<>();
            for (String branch : known) {
                from.datesUntil(to.plusDays(1)).forEach(day -> ids.add(tenantId + "|" + branch + "|" + day));
            }
            // The id alone (the stand-in uses an index only when the query is exactly its keys); it starts
            // with the tenant, and the tenant is checked again on what comes back.
            return db.collection(DAILY_BUSINESS_METRICS)
                    .flatMapMany(c -> c.find(Filters.in("_id", ids)).batchSize(1_000))
                    .filter(d -> tenantId.equals(d.getString("tenantId")));
        }).map(DailyMetrics::toFigures);
    }

    /** Days before the cut-off that still name guests, of every business. */
    public Flux<DayFigures> identifiedBefore(LocalDate cutOff) {
        return db.collection(DAILY_BUSINESS_METRICS)
                .flatMapMany(c -> c.find(Filters.and(Filters.lt("day", cutOff.toString()),
                        Filters.ne("deidentified", true))))
                .map(DailyMetrics::toFigures);
    }

    /** The days on which the guest ordered, with the guest replaced by the pseudonym and the name dropped. */
    public Mono<Long> erase(String tenantId, String phone, String pseudonym) {
        return db.collection(DAILY_BUSINESS_METRICS).flatMap(c -> Flux.from(c.find(Filters.and(
                Filters.eq("tenantId", tenantId), Filters.eq("customers.phone", phone))))
                .map(DailyMetrics::toFigures)
                .map(d -> new DayFigures(d.tenantId(), d.branchId(), d.day(), d.currency(), d.orders(), d.cancelled(),
                        d.revenue(), d.hours(), d.items(), d.customers().stream()
                        .map(x -> x.phone().equals(phone) ? new CustomerSpend(pseudonym, null, x.orders(), x.spend()) : x)
                        .toList(), d.distinctCustomers(), d.languages(), d.completion(), d.deidentified()))
                .concatMap(d -> Mono.from(c.replaceOne(Filters.eq("_id", id(d)), toDocument(d, Instant.now()))))
                .count());
    }

    static String id(DayFigures d) {
        return d.tenantId() + "|" + d.branchId() + "|" + d.day();
    }

    static Document toDocument(DayFigures d, Instant rolledUpAt) {
        Map<String, Object> languages = new LinkedHashMap<>(d.languages());
        int repeat = (int) d.customers().stream().filter(c -> c.orders() >= 2).count();
        return new Document("_id", id(d))
                .append("tenantId", d.tenantId())
                .append("branchId", d.branchId())
                .append("day", d.day().toString())
                .append("currency", d.currency())
                .append("ordersCount", d.orders())
                .append("cancelledCount", d.cancelled())
                .append("revenueTotal", new Decimal128(d.revenue()))
                .append("avgOrderValue", d.orders() == 0 ? null
                        : new Decimal128(d.revenue().divide(BigDecimal.valueOf(d.orders()), 2, java.math.RoundingMode.HALF_EVEN)))
                .append("topItems", d.items().stream()
                        .sorted(Comparator.comparingInt(ItemSales::quantity).reversed()).limit(5)
                        .map(ItemSales::name).toList())
                .append("peakHours", d.hours().stream()
                        .sorted(Comparator.comparingInt(HourSales::orders).reversed()).limit(3)
                        .map(HourSales::hour).toList())
                .append("repeatCustomersCount", repeat)
                .append("distinctCustomers", d.distinctCustomers())
                .append("hours", d.hours().stream().map(h -> new Document("hour", h.hour()).append("orders", h.orders())
                        .append("revenue", new Decimal128(h.revenue()))).toList())
                .append("items", d.items().stream().map(i -> new Document("itemId", i.itemId()).append("name", i.name())
                        .append("quantity", i.quantity()).append("revenue", new Decimal128(i.revenue()))).toList())
                .append("customers", d.customers().stream().map(c -> new Document("phone", c.phone())
                        .append("name", c.name()).append("orders", c.orders())
                        .append("spend", new Decimal128(c.spend()))).toList())
                .append("languages", new Document(languages))
                .append("completion", new Document("count", d.completion().count())
                        .append("totalSeconds", d.completion().totalSeconds())
                        .append("minSeconds", d.completion().minSeconds())
                        .append("maxSeconds", d.completion().maxSeconds()))
                .append("deidentified", d.deidentified())
                .append("rolledUpAt", Date.from(rolledUpAt));
    }

    static DayFigures toFigures(Document d) {
        Document completion = d.get("completion", Document.class);
        Map<String, Integer> languages = new LinkedHashMap<>();
        Document langs = d.get("languages", Document.class);
        if (langs != null) {
            langs.forEach((k, v) -> languages.put(k, ((Number) v).intValue()));
        }
        return new DayFigures(d.getString("tenantId"), d.getString("branchId"), LocalDate.parse(d.getString("day")),
                d.getString("currency"), number(d, "ordersCount"), number(d, "cancelledCount"),
                OrderLogs.money(d.get("revenueTotal")),
                d.getList("hours", Document.class, List.of()).stream().map(h -> new HourSales(number(h, "hour"),
                        number(h, "orders"), OrderLogs.money(h.get("revenue")))).toList(),
                d.getList("items", Document.class, List.of()).stream().map(i -> new ItemSales(i.getString("itemId"),
                        i.getString("name"), number(i, "quantity"), OrderLogs.money(i.get("revenue")))).toList(),
                d.getList("customers", Document.class, List.of()).stream().map(c -> new CustomerSpend(
                        c.getString("phone"), c.getString("name"), number(c, "orders"),
                        OrderLogs.money(c.get("spend")))).toList(),
                number(d, "distinctCustomers"), languages,
                completion == null ? Completion.NONE : new Completion(number(completion, "count"),
                        longOf(completion, "totalSeconds"), longOf(completion, "minSeconds"),
                        longOf(completion, "maxSeconds")),
                Boolean.TRUE.equals(d.getBoolean("deidentified")));
    }

    private static int number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static long longOf(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
