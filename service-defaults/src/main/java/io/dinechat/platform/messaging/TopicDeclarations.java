package io.dinechat.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Builds topic declarations: every topic comes with its dead-letter topic, created with the same
 * partition count so a dead-lettered record lands on the partition number it came from.
 */
public final class TopicDeclarations {

    private final int partitions;
    private final short replicas;
    private final List<NewTopic> topics = new ArrayList<>();

    public TopicDeclarations(int partitions, short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    public TopicDeclarations ordered(String name) {
        topics.add(new NewTopic(name, partitions, replicas));
        topics.add(new NewTopic(name + OrderedDeadLetterPolicy.DLT_SUFFIX, partitions, replicas));
        return this;
    }

    /** A topic keeping only the latest record per key (snapshots): compacted, never expired. */
    public TopicDeclarations compacted(String name) {
        topics.add(new NewTopic(name, partitions, replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic(name + OrderedDeadLetterPolicy.DLT_SUFFIX, partitions, replicas));
        return this;
    }

    public NewTopic[] toArray() {
        return topics.toArray(NewTopic[]::new);
    }
}
