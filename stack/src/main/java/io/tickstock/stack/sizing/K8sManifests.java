package io.tickstock.stack.sizing;

import io.tickstock.stack.layout.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sizing k8s/base gives each component, read from the manifests themselves so the local stack can never drift
 * from them: memory limit and CPU of its workload (the broker's: Strimzi's {@code broker} node pool), the heap share
 * of its ConfigMap ({@code JAVA_MAX_MEM_RATIO}), the broker pool's heap. A line reader for the shape these files have,
 * not a YAML parser: a document is the one whose top-level {@code metadata.name} is the component's.
 */
public final class K8sManifests {

    public static final String KAFKA = "kafka";

    private static final Pattern HEAP_RATIO = Pattern.compile("^ *JAVA_MAX_MEM_RATIO: *\"?([0-9]+)\"? *$");
    private static final Pattern KAFKA_HEAP = Pattern.compile("^ *\"(-Xm[sx])\": *(\\S+)");

    private final Path base;

    public K8sManifests(Path root) {
        this.base = root.resolve("k8s/base");
    }

    /** The quantity {@code component}'s manifest sets for {@code section} (requests, limits) and {@code kind}. */
    public Optional<String> resource(String component, String section, String kind) {
        boolean mine = false;
        boolean inSection = false;
        String document = component.equals(KAFKA) ? "broker" : service(component).module();
        for (String line : lines(component.equals(KAFKA) ? base.resolve("kafka/kafka.yaml") : workload(component))) {
            String[] fields = line.trim().split("\\s+");
            if (line.startsWith("---")) {
                mine = false;
                inSection = false;
            }
            if (line.startsWith("  name:")) {
                mine = fields.length > 1 && fields[1].equals(document);
            }
            if (mine && (fields[0].equals("requests:") || fields[0].equals("limits:"))) {
                inSection = fields[0].equals(section + ":");
            } else if (mine && inSection && fields[0].equals(kind + ":") && fields.length > 1) {
                return Optional.of(fields[1].replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The container memory limit of {@code component} in Kubernetes, in MiB. */
    public long memoryLimitMib(String component) {
        return Quantities.mib(resource(component, "limits", "memory").orElseThrow(() -> new IllegalStateException(
                "no memory limit for " + component + " in k8s/base")));
    }

    /** The heap's share of that limit, in percent: {@code JAVA_MAX_MEM_RATIO} of the service's ConfigMap. */
    public int heapPercent(Service service) {
        Path configMap = base.resolve(service.module()).resolve("configmap.yaml");
        for (String line : lines(configMap)) {
            Matcher m = HEAP_RATIO.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("no JAVA_MAX_MEM_RATIO in " + configMap);
    }

    /** The broker's heap as the Strimzi broker pool sets it (its jvmOptions {@code -Xms}/{@code -Xmx}). */
    public List<String> kafkaHeapOptions() {
        List<String> options = new ArrayList<>();
        boolean mine = false;
        for (String line : lines(base.resolve("kafka/kafka.yaml"))) {
            if (line.startsWith("---")) {
                mine = false;
            }
            if (line.startsWith("  name:")) {
                mine = line.trim().split("\\s+")[1].equals("broker");
            }
            Matcher m = KAFKA_HEAP.matcher(line);
            if (mine && m.find()) {
                options.add(m.group(1) + m.group(2));
            }
        }
        return options;
    }

    private Path workload(String component) {
        Path dir = base.resolve(service(component).module());
        for (String file : List.of("statefulset.yaml", "deployment.yaml")) {
            if (Files.exists(dir.resolve(file))) {
                return dir.resolve(file);
            }
        }
        throw new IllegalStateException("no Kubernetes workload manifest for " + component + " under "
                + base.getParent().getParent().relativize(dir));
    }

    private static Service service(String component) {
        return Service.labelled(component).orElseThrow(() -> new IllegalArgumentException(
                "no Kubernetes manifest for '" + component + "'"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
