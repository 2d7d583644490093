package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.ServiceConfigs;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel processor keeps Kafka Streams state: it runs as a StatefulSet whose volume holds the state directory,
 * whose pod name is the consumer's group.instance.id (static membership), with standby replicas when there is more
 * than one pod, and with changelog replication the cluster can give.
 */
public final class ProcessorStateful implements ManifestCheck {

    static final String PROCESSOR = "channel-processor";
    static final String STATIC_MEMBERSHIP_KEY = "kafka-streams.group.instance.id";

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Optional<Workload> found = manifests.workload(PROCESSOR);
        if (found.isEmpty() || !found.get().resource().kind().equals("StatefulSet")) {
            problems.add(PROCESSOR + " must be a StatefulSet (state on a volume per pod, stable pod names)");
            return problems;
        }
        Workload processor = found.get();
        Resource statefulSet = processor.resource();
        JsonNode container = processor.containers().get(0);
        Map<String, String> env = processor.environment(container, manifests);

        String stateDir = env.get("KAFKA_STREAMS_STATE_DIR");
        if (stateDir == null || !mountsClaim(statefulSet, container, stateDir)) {
            problems.add(statefulSet + ": KAFKA_STREAMS_STATE_DIR (" + stateDir
                    + ") is not on a volume from volumeClaimTemplates");
        }
        String memberId = ServiceConfigs.envName(STATIC_MEMBERSHIP_KEY);
        if (!ServiceConfigs.of(PROCESSOR).containsKey(STATIC_MEMBERSHIP_KEY) || !podNameFromField(container, memberId)) {
            problems.add(statefulSet + ": no static membership (" + memberId + " from metadata.name, overriding "
                    + STATIC_MEMBERSHIP_KEY + " of the processor's configuration)");
        }
        int standbys = Integer.parseInt(env.getOrDefault("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "0"));
        if (processor.replicas() > 1 && standbys < 1) {
            problems.add(statefulSet + ": " + processor.replicas() + " pods but no standby replicas "
                    + "(KAFKA_STREAMS_NUM_STANDBY_REPLICAS): a lost pod means replaying its changelogs");
        }
        int replication = setting(env, "kafka-streams.replication.factor");
        int brokers = StrimziComplete.brokers(manifests);
        if (replication > brokers) {
            problems.add(statefulSet + ": the state's replication factor " + replication + " exceeds the "
                    + brokers + " brokers");
        }
        int minInSync = setting(env, "kafka-streams.topic.min.insync.replicas");
        if (minInSync > replication) {
            problems.add(statefulSet + ": the state's min.insync.replicas " + minInSync + " exceeds its replication "
                    + "factor " + replication + ": every write to a changelog would fail");
        }
        String serviceName = statefulSet.at("/spec/serviceName").asText();
        boolean headless = manifests.find("Service", serviceName)
                .map(service -> service.at("/spec/clusterIP").asText().equals("None")).orElse(false);
        if (!headless) {
            problems.add(statefulSet + ": serviceName '" + serviceName + "' is not a headless Service");
        }
        return problems;
    }

    /** A numeric setting as the pod sees it: its environment, else the processor's packaged default. */
    private static int setting(Map<String, String> env, String key) {
        return Integer.parseInt(env.getOrDefault(ServiceConfigs.envName(key), ServiceConfigs.of(PROCESSOR).get(key)));
    }

    private static boolean mountsClaim(Resource statefulSet, JsonNode container, String path) {
        for (JsonNode claim : statefulSet.at("/spec/volumeClaimTemplates")) {
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("name").asText().equals(claim.at("/metadata/name").asText())
                        && mount.path("mountPath").asText().equals(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean podNameFromField(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)
                    && variable.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.name")) {
                return true;
            }
        }
        return false;
    }
}
