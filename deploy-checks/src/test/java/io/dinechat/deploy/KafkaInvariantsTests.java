package io.dinechat.deploy;

import static io.dinechat.deploy.Manifests.at;
import static io.dinechat.deploy.Manifests.map;
import static io.dinechat.deploy.Manifests.name;
import static io.dinechat.deploy.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Kafka as the Strimzi operator will build it: a KRaft cluster that survives a broker loss without
 * losing an acknowledged record, and one KafkaTopic per topic of docs/events.md plus its dead-letter
 * twin with the same partitions (a dead letter keeps its partition number, so its key's order).
 */
class KafkaInvariantsTests {

    static final List<String> TARGETS = Manifests.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void theClusterIsKraftWithThreeBrokersReplicatingThreeTimesAndWritableWithTwo(String target) {
        var manifests = Manifests.of(target);
        List<String> problems = new ArrayList<>();
        var clusters = manifests.ofKind("Kafka");
        assertThat(clusters).as("Kafka clusters in %s", target).hasSize(1);
        var kafka = clusters.getFirst();
        String cluster = name(kafka);
        var annotations = map(at(kafka, "metadata", "annotations"));
        if (!"enabled".equals(annotations.get("strimzi.io/kraft"))) {
            problems.add("Kafka " + cluster + " is not annotated strimzi.io/kraft: enabled");
        }
        if (!"enabled".equals(annotations.get("strimzi.io/node-pools"))) {
            problems.add("Kafka " + cluster + " does not use node pools (KRaft needs them)");
        }
        if (at(kafka, "spec", "zookeeper") != null) {
            problems.add("Kafka " + cluster + " still declares ZooKeeper");
        }
        int brokers = 0;
        int controllers = 0;
        for (var pool : manifests.ofKind("KafkaNodePool")) {
            if (!cluster.equals(at(pool, "metadata", "labels", "strimzi.io/cluster"))) {
                continue;
            }
            int replicas = ((Number) at(pool, "spec", "replicas")).intValue();
            List<?> roles = (List<?>) Objects.requireNonNullElse(at(pool, "spec", "roles"), List.of());
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (brokers != 3) {
            problems.add("Kafka " + cluster + " has " + brokers + " brokers, not 3");
        }
        if (controllers < 3 || controllers % 2 == 0) {
            problems.add("Kafka " + cluster + " has " + controllers + " KRaft controllers (an odd number of at least 3 keeps a quorum)");
        }
        var config = map(at(kafka, "spec", "kafka", "config"));
        expect(problems, config, "default.replication.factor", "3");
        expect(problems, config, "min.insync.replicas", "2");
        expect(problems, config, "offsets.topic.replication.factor", "3");
        expect(problems, config, "transaction.state.log.replication.factor", "3");
        expect(problems, config, "transaction.state.log.min.isr", "2");
        expect(problems, config, "auto.create.topics.enable", "false");
        assertThat(problems).as("Kafka cluster problems in %s", target).isEmpty();
    }

    private static void expect(List<String> problems, Map<String, Object> config, String key, String value) {
        if (!value.equals(str(config.get(key)))) {
            problems.add("Kafka config " + key + " is " + config.get(key) + ", not " + value);
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyCatalogTopicHasAKafkaTopicAndADeadLetterTwinLikeTheServicesDeclareThem(String target) {
        var manifests = Manifests.of(target);
        var catalog = EventCatalog.topics();
        assertThat(catalog).as("topics parsed from docs/events.md").hasSizeGreaterThanOrEqualTo(10);
        String cluster = name(manifests.ofKind("Kafka").getFirst());
        var common = map(at(manifests.find("ConfigMap", "dinechat-common"), "data"));
        String declaredPartitions = str(common.get("DINECHAT_TOPICS_PARTITIONS"));
        String declaredReplicas = str(common.get("DINECHAT_TOPICS_REPLICAS"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var topic : catalog) {
            var main = topic(manifests, topic.name());
            var deadLetters = topic(manifests, topic.name() + ".DLT");
            if (main == null) {
                problems.add(topic.name() + ": no KafkaTopic");
            }
            if (deadLetters == null) {
                problems.add(topic.name() + ".DLT: no KafkaTopic");
            }
            if (main == null || deadLetters == null) {
                continue;
            }
            checked += 2;
            Object partitions = at(main, "spec", "partitions");
            if (!Objects.equals(partitions, at(deadLetters, "spec", "partitions"))) {
                problems.add(topic.name() + ".DLT has " + at(deadLetters, "spec", "partitions") + " partitions, "
                        + topic.name() + " has " + partitions);
            }
            // The services declare their topics with DINECHAT_TOPICS_PARTITIONS: a larger number would make
            // Kafka add partitions at startup and move keys, breaking per-conversation order.
            if (!String.valueOf(partitions).equals(declaredPartitions)) {
                problems.add(topic.name() + " has " + partitions + " partitions but the services declare "
                        + declaredPartitions + " (DINECHAT_TOPICS_PARTITIONS)");
            }
            for (var t : List.of(main, deadLetters)) {
                String topicName = topicName(t);
                if (!cluster.equals(at(t, "metadata", "labels", "strimzi.io/cluster"))) {
                    problems.add(topicName + " is not labelled for cluster " + cluster + " (the Topic Operator ignores it)");
                }
                if (!Objects.equals(3, at(t, "spec", "replicas"))) {
                    problems.add(topicName + " has " + at(t, "spec", "replicas") + " replicas, not 3");
                }
                if (!String.valueOf(at(t, "spec", "replicas")).equals(declaredReplicas)) {
                    problems.add(topicName + " replicas differ from DINECHAT_TOPICS_REPLICAS=" + declaredReplicas);
                }
                if (!"2".equals(str(at(t, "spec", "config", "min.insync.replicas")))) {
                    problems.add(topicName + " min.insync.replicas is " + at(t, "spec", "config", "min.insync.replicas")
                            + ", not 2");
                }
            }
            boolean compacted = "compact".equals(str(at(main, "spec", "config", "cleanup.policy")));
            if (compacted != topic.compacted()) {
                problems.add(topic.name() + (topic.compacted() ? " is compacted in docs/events.md but not in its KafkaTopic"
                        : " is compacted but docs/events.md does not say so"));
            }
            if (str(at(deadLetters, "spec", "config", "cleanup.policy")) != null
                    && str(at(deadLetters, "spec", "config", "cleanup.policy")).contains("compact")) {
                problems.add(topic.name() + ".DLT is compacted: dead letters of one key would overwrite each other");
            }
        }
        assertThat(catalog).extracting(EventCatalog.Topic::name).contains("catalog.snapshots.v1");
        assertThat(catalog.stream().filter(t -> t.name().equals("catalog.snapshots.v1")).findFirst().orElseThrow().compacted())
                .as("docs/events.md marks catalog.snapshots.v1 compacted").isTrue();
        System.out.printf("%s: checked %d KafkaTopics for %d catalog topics%n", manifests.name(), checked, catalog.size());
        assertThat(problems).as("topic problems in %s", target).isEmpty();
    }

    private static Map<String, Object> topic(Manifests manifests, String topicName) {
        return manifests.ofKind("KafkaTopic").stream().filter(t -> topicName.equals(topicName(t))).findFirst().orElse(null);
    }

    private static String topicName(Map<String, Object> kafkaTopic) {
        return Objects.requireNonNullElse(str(at(kafkaTopic, "spec", "topicName")), name(kafkaTopic));
    }
}
