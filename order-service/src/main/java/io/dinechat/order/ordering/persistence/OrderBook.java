package io.dinechat.order.ordering.persistence;

import io.dinechat.order.ordering.domain.Order;
import io.dinechat.order.ordering.domain.Order.StatusChange;
import io.dinechat.order.ordering.domain.OrderRequest;
import io.dinechat.order.ordering.domain.OrderStatus;
import io.dinechat.order.ordering.domain.PricedOrder;
import io.dinechat.order.ordering.domain.PricedOrder.ChosenOption;
import io.dinechat.order.ordering.domain.PricedOrder.PricedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders in PostgreSQL, always inside the business's tenant transaction (row-level security keeps
 * every other business's orders out of sight and out of reach).
 */
@Repository
public class OrderBook {

    private static final String ORDER_COLUMNS = """
            id, tenant_id, branch_id, reference, conversation_key, customer_phone_number, customer_name, language_used,
            delivery_type, delivery_address, delivery_latitude, delivery_longitude, status, cancel_reason,
            payment_method, payment_status, subtotal, delivery_price, total, currency, notes, scheduled_for,
            estimated_ready_at, created_at, completed_at, cancelled_at""";

    private final DatabaseClient db;

    public OrderBook(DatabaseClient db) {
        this.db = db;
    }

    /** The next reference of the business, "A-1001" first; locks the counter until the transaction ends. */
    public Mono<String> nextReference(UUID tenantId) {
        return db.sql("""
                insert into order_references (tenant_id, last_number) values (:tenant, 1001)
                on conflict (tenant_id) do update set last_number = order_references.last_number + 1
                returning last_number
                """)
                .bind("tenant", tenantId)
                .map(row -> "A-" + row.get("last_number", Long.class))
                .one();
    }

    /** Stores a new pending order with its lines, options and first history entry. */
    public Mono<Order> place(UUID tenantId, UUID orderId, String reference, PricedOrder priced, String by, Instant at) {
        OrderRequest r = priced.request();
        var insert = db.sql("""
                insert into orders (id, tenant_id, branch_id, reference, conversation_key, customer_phone_number,
                                    customer_name, language_used, order_source, delivery_type, delivery_address,
                                    delivery_latitude, delivery_longitude, status, payment_method, subtotal,
                                    delivery_price, total, currency, notes, scheduled_for, estimated_ready_at,
                                    created_at, updated_at)
                values (:id, :tenant, :branch, :reference, :conversation, :phone, :name, :language, :source, :fulfilment,
                        :address, :lat, :lon, 'pending', :payment, :subtotal, :fee, :total, :currency, :notes,
                        :scheduled, :ready, :at, :at)
                """)
                .bind("id", orderId).bind("tenant", tenantId).bind("branch", priced.branchId())
                .bind("reference", reference).bind("phone", r.customer().phone())
                .bind("source", r.conversationKey() == null ? "dashboard" : "whatsapp")
                .bind("fulfilment", r.fulfilment()).bind("payment", r.paymentMethod())
                .bind("subtotal", priced.subtotal()).bind("fee", priced.deliveryFee()).bind("total", priced.total())
                .bind("currency", priced.currency()).bind("at", at);
        insert = nullable(insert, "conversation", r.conversationKey(), String.class);
        insert = nullable(insert, "name", r.customer().name(), String.class);
        insert = nullable(insert, "language", r.language(), String.class);
        var address = r.deliveryAddress();
        insert = nullable(insert, "address", address == null ? null : address.text(), String.class);
        insert = nullable(insert, "lat", address == null ? null : address.latitude(), BigDecimal.class);
        insert = nullable(insert, "lon", address == null ? null : address.longitude(), BigDecimal.class);
        insert = nullable(insert, "notes", r.notes(), String.class);
        insert = nullable(insert, "scheduled", priced.scheduledFor(), LocalDateTime.class);
        insert = nullable(insert, "ready", priced.estimatedReadyAt(), Instant.class);

        List<Mono<Long>> children = new ArrayList<>();
        int number = 1;
        for (PricedLine line : priced.lines()) {
            UUID lineId = UUID.randomUUID();
            var lineInsert = db.sql("""
                    insert into order_items (id, tenant_id, order_id, item_id, line_number, quantity, price_at_time,
                                             name_at_time, line_total, notes)
                    values (:id, :tenant, :order, :item, :number, :quantity, :price, :name, :total, :notes)
                    """)
                    .bind("id", lineId).bind("tenant", tenantId).bind("order", orderId).bind("item", line.itemId())
                    .bind("number", number++).bind("quantity", line.quantity()).bind("price", line.unitPrice())
                    .bind("name", line.name()).bind("total", line.lineTotal());
            children.add(nullable(lineInsert, "notes", line.notes(), String.class).fetch().rowsUpdated());
            for (ChosenOption option : line.options()) {
                children.add(db.sql("""
                        insert into order_item_options (id, tenant_id, order_item_id, option_id, group_name, name_at_time,
                                                        price_delta)
                        values (:id, :tenant, :line, :option, :group, :name, :delta)
                        """)
                        .bind("id", UUID.randomUUID()).bind("tenant", tenantId).bind("line", lineId)
                        .bind("option", option.optionId()).bind("group", option.groupName()).bind("name", option.name())
                        .bind("delta", option.priceDelta())
                        .fetch().rowsUpdated());
            }
        }
        return insert.fetch().rowsUpdated()
                .thenMany(Flux.concat(children))
                .then(recordChange(tenantId, orderId, null, OrderStatus.PENDING, null, by, at))
                .then(Mono.defer(() -> find(orderId)));
    }

    public Mono<Order> find(UUID orderId) {
        return db.sql("select " + ORDER_COLUMNS + " from orders where id = :id")
                .bind("id", orderId)
                .map(OrderBook::orderRow)
                .one()
                .flatMap(this::withDetails);
    }

    /** The order, locked until the transaction ends: status changes of one order happen one at a time. */
    public Mono<Order> lock(UUID orderId) {
        return db.sql("select " + ORDER_COLUMNS + " from orders where id = :id for update")
                .bind("id", orderId)
                .map(OrderBook::orderRow)
                .one()
                .flatMap(this::withDetails);
    }

    /** Newest first; optionally only some statuses, a branch, or orders placed since a time. */
    public Flux<Order> list(List<OrderStatus> statuses, UUID branchId, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("select " + ORDER_COLUMNS + " from orders where true");
        if (!statuses.isEmpty()) {
            sql.append(" and status = any(:statuses)");
        }
        if (branchId != null) {
            sql.append(" and branch_id = :branch");
        }
        if (since != null) {
            sql.append(" and created_at >= :since");
        }
        sql.append(" order by created_at desc, id limit :limit");
        var query = db.sql(sql.toString()).bind("limit", limit);
        if (!statuses.isEmpty()) {
            query = query.bind("statuses", statuses.stream().map(OrderStatus::wire).toArray(String[]::new));
        }
        if (branchId != null) {
            query = query.bind("branch", branchId);
        }
        if (since != null) {
            query = query.bind("since", since);
        }
        return query.map(OrderBook::orderRow).all().concatMap(this::withDetails);
    }

    /** The guest's latest orders, newest first. */
    public Flux<Order> latestOf(String customerPhone, int limit) {
        return db.sql("select " + ORDER_COLUMNS
                        + " from orders where customer_phone_number = :phone order by created_at desc, id limit :limit")
                .bind("phone", customerPhone).bind("limit", limit)
                .map(OrderBook::orderRow).all();
    }

    public Mono<Void> moveTo(UUID tenantId, UUID orderId, OrderStatus from, OrderStatus to, String reason, String by,
            Instant at) {
        var update = db.sql("""
                update orders set status = :to, updated_at = :at,
                       cancel_reason = case when :to = 'cancelled' then :reason else cancel_reason end,
                       completed_at = case when :to = 'completed' then :at else completed_at end,
                       cancelled_at = case when :to = 'cancelled' then :at else cancelled_at end
                where id = :id and status = :from
                """)
                .bind("id", orderId).bind("to", to.wire()).bind("from", from.wire()).bind("at", at);
        update = nullable(update, "reason", reason, String.class);
        return update.fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? recordChange(tenantId, orderId, from, to, reason, by, at)
                        : Mono.error(new IllegalStateException("order " + orderId + " moved under our feet")));
    }

    public Mono<Void> markPaid(UUID orderId, String paymentStatus) {
        return db.sql("update orders set payment_status = :status, updated_at = now() where id = :id")
                .bind("status", paymentStatus).bind("id", orderId).fetch().rowsUpdated().then();
    }

    private Mono<Void> recordChange(UUID tenantId, UUID orderId, OrderStatus from, OrderStatus to, String reason,
            String by, Instant at) {
        var insert = db.sql("""
                insert into order_status_history (id, tenant_id, order_id, from_status, to_status, reason, changed_by,
                                                  changed_at)
                values (:id, :tenant, :order, :from, :to, :reason, :by, :at)
                """)
                .bind("id", UUID.randomUUID()).bind("tenant", tenantId).bind("order", orderId).bind("to", to.wire())
                .bind("by", by).bind("at", at);
        insert = nullable(insert, "from", from == null ? null : from.wire(), String.class);
        insert = nullable(insert, "reason", reason, String.class);
        return insert.fetch().rowsUpdated().then();
    }

    // --- archival -----------------------------------------------------------------------------

    /** Closed orders of the business due for archiving, oldest first. */
    public Flux<UUID> archivable(Instant closedBefore, Instant unacknowledgedBefore, int limit) {
        return db.sql("""
                select id from orders
                where status in ('completed', 'cancelled')
                  and (archive_requested_at is null or archive_requested_at < :unacknowledged)
                  and coalesce(completed_at, cancelled_at) < :closedBefore
                order by coalesce(completed_at, cancelled_at), id
                limit :limit
                for update skip locked
                """)
                .bind("closedBefore", closedBefore).bind("unacknowledged", unacknowledgedBefore).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Mono<Long> markArchiveRequested(UUID orderId, Instant at) {
        return db.sql("update orders set archive_requested_at = :at where id = :id")
                .bind("at", at).bind("id", orderId).fetch().rowsUpdated();
    }

    /** Deletes a closed order whose archive was requested, with its lines, options and history. */
    public Mono<Long> deleteArchived(UUID orderId) {
        return db.sql("""
                delete from orders where id = :id and status in ('completed', 'cancelled')
                  and archive_requested_at is not null
                """)
                .bind("id", orderId).fetch().rowsUpdated();
    }

    public Flux<UUID> tenantsWithArchivableOrders(Instant closedBefore, Instant unacknowledgedBefore) {
        return db.sql("select t from tenants_with_archivable_orders(:closedBefore, :unacknowledged) t")
                .bind("closedBefore", closedBefore).bind("unacknowledged", unacknowledgedBefore)
                .map(row -> row.get("t", UUID.class)).all();
    }

    // --- reading ------------------------------------------------------------------------------

    private Mono<Order> withDetails(Order order) {
        Mono<List<PricedLine>> lines = db.sql("""
                select i.id as line_id, i.item_id, i.quantity, i.price_at_time, i.name_at_time, i.line_total, i.notes,
                       o.option_id, o.group_name, o.name_at_time as option_name, o.price_delta
                from order_items i left join order_item_options o on o.order_item_id = i.id
                where i.order_id = :order
                order by i.line_number, o.group_name, o.name_at_time
                """)
                .bind("order", order.id())
                .map(row -> new LineRow(row.get("line_id", UUID.class), row.get("item_id", UUID.class),
                        row.get("quantity", Integer.class), row.get("price_at_time", BigDecimal.class),
                        row.get("name_at_time", String.class), row.get("line_total", BigDecimal.class),
                        row.get("notes", String.class), row.get("option_id", UUID.class),
                        row.get("group_name", String.class), row.get("option_name", String.class),
                        row.get("price_delta", BigDecimal.class)))
                .all().collectList()
                .map(OrderBook::assembleLines);
        Mono<List<StatusChange>> history = db.sql("""
                select from_status, to_status, reason, changed_by, changed_at from order_status_history
                where order_id = :order order by seq
                """)
                .bind("order", order.id())
                .map(row -> {
                    String from = row.get("from_status", String.class);
                    return new StatusChange(from == null ? null : OrderStatus.fromWire(from),
                            OrderStatus.fromWire(row.get("to_status", String.class)), row.get("reason", String.class),
                            row.get("changed_by", String.class), row.get("changed_at", OffsetDateTime.class).toInstant());
                })
                .all().collectList();
        return lines.flatMap(l -> history.map(h -> new Order(order.id(), order.tenantId(), order.branchId(),
                order.reference(), order.conversationKey(), order.customer(), order.language(), order.fulfilment(),
                order.deliveryAddress(), order.scheduledFor(), order.notes(), order.paymentMethod(),
                order.paymentStatus(), order.status(), order.cancelReason(), l, order.subtotal(), order.deliveryFee(),
                order.total(), order.currency(), order.estimatedReadyAt(), order.placedAt(), order.completedAt(),
                order.cancelledAt(), h)));
    }

    private static List<PricedLine> assembleLines(List<LineRow> rows) {
        Map<UUID, List<LineRow>> byLine = new LinkedHashMap<>();
        rows.forEach(r -> byLine.computeIfAbsent(r.lineId(), k -> new ArrayList<>()).add(r));
        return byLine.values().stream().map(options -> {
            LineRow l = options.get(0);
            List<ChosenOption> chosen = options.stream().filter(o -> o.optionId() != null)
                    .map(o -> new ChosenOption(o.optionId(), o.groupName(), o.optionName(), o.priceDelta())).toList();
            return new PricedLine(l.itemId(), l.name(), l.quantity(), l.unitPrice(), chosen, l.lineTotal(), l.notes());
        }).toList();
    }

    private static Order orderRow(io.r2dbc.spi.Readable row) {
        String address = row.get("delivery_address", String.class);
        BigDecimal lat = row.get("delivery_latitude", BigDecimal.class);
        BigDecimal lon = row.get("delivery_longitude", BigDecimal.class);
        return new Order(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("branch_id", UUID.class),
                row.get("reference", String.class), row.get("conversation_key", String.class),
                new OrderRequest.Customer(row.get("customer_name", String.class),
                        row.get("customer_phone_number", String.class)),
                row.get("language_used", String.class), row.get("delivery_type", String.class),
                address == null && lat == null ? null : new OrderRequest.DeliveryAddress(address, lat, lon),
                row.get("scheduled_for", LocalDateTime.class), row.get("notes", String.class),
                row.get("payment_method", String.class), row.get("payment_status", String.class),
                OrderStatus.fromWire(row.get("status", String.class)), row.get("cancel_reason", String.class),
                List.of(), row.get("subtotal", BigDecimal.class), row.get("delivery_price", BigDecimal.class),
                row.get("total", BigDecimal.class), row.get("currency", String.class),
                instant(row.get("estimated_ready_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("completed_at", OffsetDateTime.class)),
                instant(row.get("cancelled_at", OffsetDateTime.class)), List.of());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record LineRow(UUID lineId, UUID itemId, int quantity, BigDecimal unitPrice, String name,
            BigDecimal lineTotal, String notes, UUID optionId, String groupName, String optionName,
            BigDecimal priceDelta) {
    }
}
