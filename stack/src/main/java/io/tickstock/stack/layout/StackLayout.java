package io.tickstock.stack.layout;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything about a stack that its environment decides: the repository it is built from, its home, its ports, the
 * partitions of its topics, the names of its containers, and the environment itself, which every component it starts
 * inherits (service settings such as {@code TICKSTOCK_INGEST_SIMULATOR_DURATION} reach the services through it).
 */
public record StackLayout(Path root, StackHome home, Ports ports, int partitions, String containerPrefix,
        Map<String, String> env) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /**
     * Partitions of every topic on one machine. Every exactly-once transaction of an engine touches each partition it
     * wrote (markers, AddPartitionsToTxn), a hundred times a second for the tick engine, so on one machine fewer
     * partitions mean a cheaper broker and lower tick latency (measured: docs/architecture.md "Partitions on one
     * machine"). Two still let `scale processor 2` split the input; Kubernetes sets its own (k8s/base/kafka).
     */
    private static final int DEFAULT_PARTITIONS = 2;

    public static StackLayout fromEnvironment(Path root, Map<String, String> env) {
        String home = env.get("TICKSTOCK_HOME");
        return new StackLayout(root,
                new StackHome(home == null || home.isBlank() ? root.resolve(".tickstock") : Path.of(home)),
                Ports.fromEnvironment(env), Ports.number(env, "TICKSTOCK_PARTITIONS", DEFAULT_PARTITIONS),
                env.getOrDefault("TICKSTOCK_CONTAINER_PREFIX", "tickstock"), env);
    }

    /** The same stack in another home (a perf or chaos run's own), on the same ports. */
    public StackLayout inHome(Path dir) {
        return new StackLayout(root, new StackHome(dir), ports, partitions, containerPrefix, env);
    }

    public String bootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String env(String name) {
        return env.getOrDefault(name, "");
    }
}
