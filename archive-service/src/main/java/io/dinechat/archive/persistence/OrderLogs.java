package io.dinechat.archive.persistence;

import static io.dinechat.archive.persistence.ArchiveCollections.ORDER_LOGS;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.dinechat.archive.domain.OrderLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code order_logs}: one document per archived order, the snapshot order-service sent (money as
 * Decimal128, times as dates) plus {@code archivedAt}, which stays the one of the first archival.
 */
@Component
public class OrderLogs {

    private static final List<String> MONEY = List.of("subtotal", "deliveryFee", "total");
    private static final List<String> TIMES = List.of("placedAt", "completedAt");

    private final ArchiveDatabase db;

    public OrderLogs(ArchiveDatabase db) {
        this.db = db;
    }

    /**
     * Upserts the snapshot by tenant and order id and completes with the archive time once MongoDB
     * acknowledged the write with the durable write concern. A redelivery rewrites the same fields and
     * answers the first archive time, so the acknowledgement is the same too.
     */
    public Mono<Instant> archive(String tenantId, String orderId, Document snapshot, Instant now) {
        Document fields = stored(snapshot);
        fields.remove("_id");
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        updates.add(Updates.setOnInsert("archivedAt", Date.from(now)));
        return db.durable(ORDER_LOGS)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("orderId", orderId)),
                        Updates.combine(updates),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.include("archivedAt")))))
                .map(d -> d.getDate("archivedAt").toInstant());
    }

    /** Finished orders placed in [from, to), of one business or (null) of all. Reads only what analytics need. */
    public Flux<OrderLog> placedBetween(String tenantId, Instant from, Instant to) {
        Bson range = Filters.and(Filters.gte("placedAt", Date.from(from)), Filters.lt("placedAt", Date.from(to)));
        Bson filter = tenantId == null ? range : Filters.and(Filters.eq("tenantId", tenantId), range);
        return db.collection(ORDER_LOGS).flatMapMany(c -> c.find(filter)
                .projection(Projections.include("tenantId", "orderId", "branchId", "customer", "language", "status",
                        "lines.itemId", "lines.name", "lines.quantity", "lines.lineTotal", "total", "currency",
                        "placedAt", "completedAt"))
                .batchSize(2_000))
                .map(OrderLogs::toOrderLog);
    }

    public Flux<String> tenants() {
        return db.collection(ORDER_LOGS).flatMapMany(c -> c.distinct("tenantId", String.class));
    }

    public Flux<Document> ofGuest(String tenantId, String phone) {
        return db.collection(ORDER_LOGS).flatMapMany(c -> c.find(
                Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("customer.phone", phone)))
                .sort(new Document("placedAt", 1)));
    }

    /** Replaces a guest's phone with the pseudonym and removes name, address and notes. */
    public Mono<Long> erase(String tenantId, String phone, String pseudonym) {
        return db.durable(ORDER_LOGS).flatMap(c -> Mono.from(c.updateMany(
                Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("customer.phone", phone)),
                Updates.combine(Updates.set("customer.phone", pseudonym), Updates.set("customer.name", null),
                        Updates.set("deliveryAddress", null), Updates.set("notes", null),
                        Updates.set("erased", true)))))
                .map(r -> r.getModifiedCount());
    }

    /** Orders placed before the cut-off keep their figures and lose who the guest was. */
    public Mono<Long> deidentifyPlacedBefore(Instant cutOff) {
        return db.collection(ORDER_LOGS).flatMap(c -> Mono.from(c.updateMany(
                Filters.and(Filters.lt("placedAt", Date.from(cutOff)), Filters.ne("deidentified", true)),
                Updates.combine(Updates.set("customer.phone", null), Updates.set("customer.name", null),
                        Updates.set("deliveryAddress", null), Updates.set("notes", null),
                        Updates.set("deidentified", true)))))
                .map(r -> r.getModifiedCount());
    }

    /** The event body as stored: money as Decimal128 and times as dates, so MongoDB can range and sum them. */
    static Document stored(Document snapshot) {
        Document doc = new Document(snapshot);
        MONEY.forEach(field -> doc.computeIfPresent(field, (k, v) -> decimal(v)));
        TIMES.forEach(field -> doc.computeIfPresent(field, (k, v) -> date(v)));
        if (doc.get("lines") instanceof List<?> lines) {
            List<Object> converted = new ArrayList<>();
            for (Object l : lines) {
                if (l instanceof Document line) {
                    Document copy = new Document(line);
                    copy.computeIfPresent("unitPrice", (k, v) -> decimal(v));
                    copy.computeIfPresent("lineTotal", (k, v) -> decimal(v));
                    if (copy.get("options") instanceof List<?> options) {
                        copy.put("options", options.stream().map(o -> o instanceof Document od
                                ? new Document(od).append("priceDelta", decimal(od.get("priceDelta"))) : o).toList());
                    }
                    converted.add(copy);
                } else {
                    converted.add(l);
                }
            }
            doc.put("lines", converted);
        }
        if (doc.get("statusHistory") instanceof List<?> history) {
            doc.put("statusHistory", history.stream().map(h -> h instanceof Document hd
                    ? new Document(hd).append("at", date(hd.get("at"))) : h).toList());
        }
        return doc;
    }

    static OrderLog toOrderLog(Document d) {
        Document customer = d.get("customer", Document.class);
        List<OrderLog.Line> lines = new ArrayList<>();
        if (d.get("lines") instanceof List<?> raw) {
            for (Object l : raw) {
                if (l instanceof Document line) {
                    lines.add(new OrderLog.Line(line.getString("itemId"), line.getString("name"),
                            line.get("quantity") instanceof Number n ? n.intValue() : 0, money(line.get("lineTotal"))));
                }
            }
        }
        return new OrderLog(d.getString("tenantId"), d.getString("orderId"), d.getString("branchId"),
                customer == null ? null : customer.getString("phone"), customer == null ? null : customer.getString("name"),
                d.getString("language"), d.getString("status"), lines, money(d.get("total")), d.getString("currency"),
                instant(d.get("placedAt")), instant(d.get("completedAt")));
    }

    static BigDecimal money(Object value) {
        return switch (value) {
            case null -> null;
            case Decimal128 d -> d.bigDecimalValue();
            case BigDecimal b -> b;
            case Number n -> new BigDecimal(n.toString());
            default -> new BigDecimal(value.toString());
        };
    }

    private static Object decimal(Object value) {
        return value == null ? null : new Decimal128(money(value));
    }

    private static Object date(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> Date.from(Instant.parse(s));
            default -> value;
        };
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
