package io.dinechat.archive.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/** The collections archive-service writes and the indexes each needs. */
public final class ArchiveCollections {

    public static final String MESSAGE_LOGS = "message_logs";
    public static final String ORDER_LOGS = "order_logs";
    public static final String AUDIT_LOGS = "audit_logs";
    public static final String DAILY_BUSINESS_METRICS = "daily_business_metrics";

    /**
     * Conversation messages are kept 2 months; MongoDB's TTL monitor deletes them. A constant, not
     * a setting: changing the TTL of an existing index takes a collMod, not a createIndex.
     */
    public static final Duration MESSAGE_RETENTION = Duration.ofDays(60);

    private ArchiveCollections() {
    }

    /** Indexes by collection; names are fixed so a restart finds the same index, never a twin. */
    static Map<String, List<Index>> indexes() {
        return Map.of(
                MESSAGE_LOGS, List.of(
                        new Index("createdAt", Direction.ASC).named("message_logs_retention").expire(MESSAGE_RETENTION),
                        new Index("tenantId", Direction.ASC).on("conversationKey", Direction.ASC)
                                .on("createdAt", Direction.ASC).named("message_logs_conversation"),
                        // A redelivered message is archived once.
                        new Index("tenantId", Direction.ASC).on("messageId", Direction.ASC).unique()
                                .named("message_logs_message"),
                        // A guest's export and erasure.
                        new Index("tenantId", Direction.ASC).on("guestPhone", Direction.ASC)
                                .named("message_logs_guest")),
                ORDER_LOGS, List.of(
                        // A redelivered archive snapshot of an order is archived once.
                        new Index("tenantId", Direction.ASC).on("orderId", Direction.ASC).unique()
                                .named("order_logs_order"),
                        // A business's roll-up and the raw analytics over a period.
                        new Index("tenantId", Direction.ASC).on("placedAt", Direction.ASC).named("order_logs_placed"),
                        // The backfill across businesses and the de-identification of old orders.
                        new Index("placedAt", Direction.ASC).named("order_logs_period"),
                        new Index("tenantId", Direction.ASC).on("customer.phone", Direction.ASC)
                                .named("order_logs_guest")),
                AUDIT_LOGS, List.of(
                        new Index("tenantId", Direction.ASC).on("occurredAt", Direction.DESC).named("audit_logs_recent")),
                DAILY_BUSINESS_METRICS, List.of(
                        new Index("tenantId", Direction.ASC).on("branchId", Direction.ASC).on("day", Direction.ASC)
                                .unique().named("daily_business_metrics_day"),
                        // Every branch over a period (the analytics API without a branch filter).
                        new Index("tenantId", Direction.ASC).on("day", Direction.ASC)
                                .named("daily_business_metrics_period"),
                        new Index("day", Direction.ASC).named("daily_business_metrics_age"),
                        new Index("tenantId", Direction.ASC).on("customers.phone", Direction.ASC)
                                .named("daily_business_metrics_guest")));
    }
}
