package io.tickstock.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.render.Kustomize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The objects one kustomization renders to, with the look-ups the checks share. */
public record Manifests(String name, List<Resource> resources) {

    public static Manifests render(Path kustomizationDir) {
        return new Manifests(kustomizationDir.getFileName().toString(), Kustomize.render(kustomizationDir));
    }

    public List<Resource> ofKind(String kind) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.kind().equals(kind)) {
                out.add(resource);
            }
        }
        return out;
    }

    public Optional<Resource> find(String kind, String name) {
        for (Resource resource : ofKind(kind)) {
            if (resource.name().equals(name)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /** Deployments and StatefulSets: everything that runs our pods. */
    public List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.kind().equals("Deployment") || resource.kind().equals("StatefulSet")) {
                out.add(new Workload(resource));
            }
        }
        return out;
    }

    public Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.resource().name().equals(name)).findFirst();
    }

    /** The workloads whose pods a label selector ({@code matchLabels} map or Service selector) picks. */
    public List<Workload> selectedBy(JsonNode matchLabels) {
        List<Workload> out = new ArrayList<>();
        for (Workload workload : workloads()) {
            if (Labels.matches(matchLabels, workload.podLabels())) {
                out.add(workload);
            }
        }
        return out;
    }

    /** The data of a ConfigMap, or empty. */
    public Map<String, String> configMap(String name) {
        Map<String, String> data = new TreeMap<>();
        find("ConfigMap", name).ifPresent(cm -> {
            Iterator<Map.Entry<String, JsonNode>> fields = cm.at("/data").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                data.put(field.getKey(), field.getValue().asText());
            }
        });
        return data;
    }
}
