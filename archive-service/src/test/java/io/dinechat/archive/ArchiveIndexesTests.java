package io.dinechat.archive;

import static io.dinechat.archive.persistence.ArchiveCollections.AUDIT_LOGS;
import static io.dinechat.archive.persistence.ArchiveCollections.DAILY_BUSINESS_METRICS;
import static io.dinechat.archive.persistence.ArchiveCollections.MESSAGE_LOGS;
import static io.dinechat.archive.persistence.ArchiveCollections.ORDER_LOGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/** The indexes created at startup, as the MongoDB driver lists them. */
class ArchiveIndexesTests extends ArchiveServiceContext {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void messageLogsExpireAfterSixtyDaysAndAreFoundByConversationAndStoredOncePerMessage() {
        // given
        Map<String, Document> indexes = indexesOf(MESSAGE_LOGS);

        // when
        Document retention = indexes.get("message_logs_retention");

        // then
        assertThat(retention.get("key", Document.class)).isEqualTo(new Document("createdAt", 1));
        assertThat(((Number) retention.get("expireAfterSeconds")).longValue()).isEqualTo(5_184_000L);
        assertThat(indexes.get("message_logs_conversation").get("key", Document.class))
                .isEqualTo(new Document("tenantId", 1).append("conversationKey", 1).append("createdAt", 1));
        assertThat(indexes.get("message_logs_message").get("key", Document.class))
                .isEqualTo(new Document("tenantId", 1).append("messageId", 1));
        assertThat(indexes.get("message_logs_message").getBoolean("unique")).isTrue();
    }

    @Test
    void ordersAuditAndDailyMetricsHaveTheirIndexes() {
        // given
        Map<String, Document> orders = indexesOf(ORDER_LOGS);
        Map<String, Document> audit = indexesOf(AUDIT_LOGS);
        Map<String, Document> metrics = indexesOf(DAILY_BUSINESS_METRICS);

        // when
        Document order = orders.get("order_logs_order");
        Document recent = audit.get("audit_logs_recent");
        Document day = metrics.get("daily_business_metrics_day");

        // then
        assertThat(order.get("key", Document.class)).isEqualTo(new Document("tenantId", 1).append("orderId", 1));
        assertThat(order.getBoolean("unique")).isTrue();
        assertThat(recent.get("key", Document.class)).isEqualTo(new Document("tenantId", 1).append("occurredAt", -1));
        assertThat(day.get("key", Document.class))
                .isEqualTo(new Document("tenantId", 1).append("branchId", 1).append("day", 1));
        assertThat(day.getBoolean("unique")).isTrue();
    }

    private Map<String, Document> indexesOf(String collection) {
        List<Document> listed = mongo.getCollection(collection)
                .flatMapMany(c -> Flux.from(c.listIndexes()))
                .collectList()
                .block(Duration.ofSeconds(10));
        return listed.stream().collect(Collectors.toMap(d -> d.getString("name"), Function.identity()));
    }
}
