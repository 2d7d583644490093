package io.tickstock.k8s.check;

import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.ServiceConfigs;
import io.tickstock.model.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topics in Kubernetes are the topics the services use: every topic a service's configuration names by default
 * (its @ConfigMapping defaults and application.properties) and every topic its ConfigMap sets is a KafkaTopic (that
 * the variable overrides a key the service reads is {@link EnvironmentMatchesConfiguration}'s); every topic of SPEC §2
 * ({@link Topics}) is there; raw topics and events are co-partitioned.
 */
public final class TopicsMatchConfiguration implements ManifestCheck {

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Resource> topics = new TreeMap<>();
        for (Resource topic : manifests.ofKind("KafkaTopic")) {
            topics.put(topic.at("/spec/topicName").asText(topic.name()), topic);
        }
        for (String service : ServiceConfigs.SERVICES) {
            for (Map.Entry<String, String> property : ServiceConfigs.of(service).entrySet()) {
                if (isTopicKey(property.getKey()) && !topics.containsKey(property.getValue())) {
                    problems.add(service + " configuration " + property.getKey() + "=" + property.getValue()
                            + " has no KafkaTopic");
                }
            }
            for (Map.Entry<String, String> variable : manifests.configMap(service).entrySet()) {
                if (isTopicVariable(variable.getKey()) && !topics.containsKey(variable.getValue())) {
                    problems.add("ConfigMap/" + service + ": " + variable.getKey() + "=" + variable.getValue()
                            + " has no KafkaTopic");
                }
            }
        }
        Set<String> spec = specTopics();
        for (String name : spec) {
            if (!topics.containsKey(name)) {
                problems.add("SPEC §2 topic " + name + " has no KafkaTopic");
            }
        }
        for (String name : topics.keySet()) {
            if (!spec.contains(name)) {
                problems.add(topics.get(name) + ": topic " + name + " is not a topic of SPEC §2 (model Topics)");
            }
        }
        coPartitioned(topics, problems);
        return problems;
    }

    private static boolean isTopicKey(String key) {
        return key.contains(".topics.") || key.endsWith("-topic");
    }

    private static boolean isTopicVariable(String name) {
        return name.contains("_TOPICS_") || name.endsWith("_TOPIC");
    }

    private static void coPartitioned(Map<String, Resource> topics, List<String> problems) {
        Map<String, Integer> partitions = new TreeMap<>();
        for (String name : List.of(Topics.RAW_TICK, Topics.RAW_OHLCV, Topics.RAW_FMV, Topics.EVENTS)) {
            if (topics.containsKey(name)) {
                partitions.put(name, topics.get(name).at("/spec/partitions").asInt());
            }
        }
        if (new TreeSet<>(partitions.values()).size() > 1) {
            problems.add("raw topics and tickstock.events must share one partition count (co-partitioning): "
                    + partitions);
        }
    }

    /** The topic names of the shared model: its public String constants that are topic names. */
    static Set<String> specTopics() {
        Set<String> names = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("tickstock.")) {
                        names.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
