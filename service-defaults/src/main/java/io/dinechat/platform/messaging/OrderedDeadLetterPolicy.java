package io.dinechat.platform.messaging;

import io.dinechat.platform.events.MalformedEventException;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error policy for topics whose per-key order matters (all of ours): retry the failing record
 * in place with a bounded backoff, which holds back the records behind it on that partition, then
 * move it to {@code <topic>.DLT} on the same partition number, so the dead-letter topic keeps the
 * key's order for a replay. {@code @RetryableTopic} is never used: it would let later records of
 * a conversation overtake the failing one.
 */
public final class OrderedDeadLetterPolicy {

    public static final String DLT_SUFFIX = ".DLT";

    private OrderedDeadLetterPolicy() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, int maxRetries,
            Duration initialBackoff, Duration maxBackoff) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + DLT_SUFFIX, record.partition()));
        var backOff = new ExponentialBackOff(initialBackoff.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        backOff.setMaxAttempts(maxRetries);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying cannot fix a record that is malformed: quarantine it at once.
        handler.addNotRetryableExceptions(MalformedEventException.class, tools.jackson.core.JacksonException.class);
        return handler;
    }
}
