package io.dinechat.conversation.messaging;

import io.dinechat.conversation.application.ConversationFeed;
import io.dinechat.platform.events.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns conversation.events.v1 into the dashboard's live feed. Its consumer group is this instance's
 * own and starts at the end of the topic: the feed is live news, not history. It never fails a
 * record (a feed that skips one is better than one that dead-letters the topic).
 */
@Component
class ConversationFeedListener {

    private static final Logger log = LoggerFactory.getLogger(ConversationFeedListener.class);

    private final ConversationFeed feed;

    ConversationFeedListener(ConversationFeed feed) {
        this.feed = feed;
    }

    @KafkaListener(id = "dashboard-feed", topics = Topics.CONVERSATION_EVENTS,
            groupId = "conversation-feed-#{T(java.util.UUID).randomUUID()}", concurrency = "1",
            properties = {"auto.offset.reset=latest"})
    void onEvent(ConsumerRecord<String, byte[]> record) {
        try {
            ReceivedEvent event = ReceivedEvent.of(record);
            String kind = switch (event.type()) {
                case ConversationEvents.MESSAGE_LOGGED -> "message";
                case ConversationEvents.HANDOFF_CHANGED -> "handoff";
                default -> null;
            };
            if (kind == null || event.attributes().tenantId() == null) {
                return;
            }
            feed.publish(new ConversationFeed.Change(UUID.fromString(event.attributes().tenantId()), kind, record.key(),
                    new String(record.value(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            log.debug("Feed skipped a record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }
}
