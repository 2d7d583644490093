package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * What Strimzi needs to build the cluster we mean, beyond what its schema enforces: a KRaft cluster has controller
 * and broker node pools that name it, a pinned Kafka and metadata version, listeners and the topic operator; every
 * KafkaTopic names the cluster, and its replication fits the brokers with room for one to be down.
 */
public final class StrimziComplete implements ManifestCheck {

    static final String CLUSTER_LABEL = "strimzi.io/cluster";

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<Resource> clusters = manifests.ofKind("Kafka");
        if (clusters.size() != 1) {
            problems.add(clusters.size() + " Kafka resources, expected 1");
            return problems;
        }
        Resource kafka = clusters.get(0);
        for (String field : List.of("/spec/kafka/version", "/spec/kafka/metadataVersion", "/spec/kafka/listeners/0",
                "/spec/entityOperator/topicOperator")) {
            if (kafka.at(field).isMissingNode()) {
                problems.add(kafka + ": " + field.substring(1).replace('/', '.') + " is missing");
            }
        }
        boolean controllers = false;
        boolean brokers = false;
        for (Resource pool : manifests.ofKind("KafkaNodePool")) {
            if (!kafka.name().equals(pool.at("/metadata/labels").path(CLUSTER_LABEL).asText())) {
                problems.add(pool + ": label " + CLUSTER_LABEL + " does not name the Kafka cluster " + kafka.name());
            }
            for (JsonNode role : pool.at("/spec/roles")) {
                controllers |= role.asText().equals("controller");
                brokers |= role.asText().equals("broker");
            }
        }
        if (!controllers || !brokers) {
            problems.add(kafka + ": needs node pools with the controller and the broker role (KRaft)");
        }
        int brokerCount = brokers(manifests);
        JsonNode config = kafka.at("/spec/kafka/config");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            if (config.path(key).asInt(1) > brokerCount) {
                problems.add(kafka + ": " + key + " " + config.path(key).asInt() + " exceeds the " + brokerCount
                        + " brokers");
            }
        }
        checkIsr(kafka.id() + " transaction log", config.path("transaction.state.log.replication.factor").asInt(1),
                config.path("transaction.state.log.min.isr").asInt(1), problems);
        for (Resource topic : manifests.ofKind("KafkaTopic")) {
            if (!kafka.name().equals(topic.at("/metadata/labels").path(CLUSTER_LABEL).asText())) {
                problems.add(topic + ": label " + CLUSTER_LABEL + " does not name the Kafka cluster " + kafka.name());
            }
            if (!topic.at("/spec/partitions").canConvertToInt() || !topic.at("/spec/replicas").canConvertToInt()) {
                problems.add(topic + ": spec.partitions and spec.replicas must be set (never the broker's defaults)");
                continue;
            }
            int replicas = topic.at("/spec/replicas").asInt();
            if (replicas > brokerCount) {
                problems.add(topic + ": " + replicas + " replicas but only " + brokerCount + " brokers");
            }
            checkIsr(topic.toString(), replicas, topic.at("/spec/config").path("min.insync.replicas").asInt(1),
                    problems);
        }
        return problems;
    }

    /** With more than one replica, one must be allowed down: min.insync.replicas below the replica count. */
    private static void checkIsr(String what, int replicas, int minIsr, List<String> problems) {
        if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
            problems.add(what + ": min.insync.replicas " + minIsr + " with " + replicas
                    + " replicas: one broker down would stop every write");
        }
    }

    /** The brokers of the cluster: replicas of the node pools with the broker role. */
    static int brokers(Manifests manifests) {
        int count = 0;
        for (Resource pool : manifests.ofKind("KafkaNodePool")) {
            for (JsonNode role : pool.at("/spec/roles")) {
                if (role.asText().equals("broker")) {
                    count += pool.at("/spec/replicas").asInt();
                }
            }
        }
        return count;
    }
}
