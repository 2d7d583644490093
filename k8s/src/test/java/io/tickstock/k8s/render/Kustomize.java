package io.tickstock.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.k8s.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features our overlays use: resources
 * (files and other kustomizations), {@code namespace}, {@code images} and {@code patches} (strategic merge, from a
 * file or inline, matched by kind and name or by a {@code target}). Anything else in a kustomization.yaml is refused, so an overlay can never
 * use a feature these tests would silently ignore. {@code KustomizeTest} compares the output with kubectl's where
 * kubectl is installed.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "patches");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

    private Kustomize() {
    }

    public static List<Resource> render(Path dir) {
        ObjectNode kustomization = YamlFiles.single(dir.resolve("kustomization.yaml"));
        refuseUnsupported(dir, kustomization);
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : YamlFiles.resources(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            resources = applyPatch(dir, resources, patch);
        }
        for (JsonNode image : kustomization.path("images")) {
            resources = ImageOverride.of(image).applyTo(resources);
        }
        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            resources = inNamespace(resources, namespace);
        }
        return resources;
    }

    private static void refuseUnsupported(Path dir, ObjectNode kustomization) {
        Iterator<String> names = kustomization.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!SUPPORTED.contains(name)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + name
                        + "', which the test renderer does not implement: extend Kustomize.java (and KustomizeTest)");
            }
        }
    }

    private static List<Resource> applyPatch(Path dir, List<Resource> resources, JsonNode entry) {
        List<Resource> patched = resources;
        List<Resource> patches = entry.has("patch")
                ? YamlFiles.resources(entry.get("patch").asText(), dir + " inline patch")
                : YamlFiles.resources(dir.resolve(entry.path("path").asText()));
        for (Resource patch : patches) {
            JsonNode target = entry.get("target");
            List<Resource> next = new ArrayList<>();
            boolean matched = false;
            for (Resource resource : patched) {
                boolean hit = target == null ? sameObject(resource, patch) : selects(target, resource);
                if (hit) {
                    matched = true;
                    ObjectNode body = patch.node().deepCopy();
                    ((ObjectNode) body.get("metadata")).put("name", resource.name());
                    next.add(resource.withNode(StrategicMerge.apply(resource.node(), body, isBuiltIn(resource))));
                } else {
                    next.add(resource);
                }
            }
            if (!matched) {
                throw new IllegalArgumentException(dir + ": patch " + patch.id() + " matches no resource");
            }
            patched = next;
        }
        return patched;
    }

    private static boolean sameObject(Resource resource, Resource patch) {
        return resource.kind().equals(patch.kind()) && resource.name().equals(patch.name())
                && resource.group().equals(patch.group());
    }

    private static boolean selects(JsonNode target, Resource resource) {
        return (!target.has("kind") || target.get("kind").asText().equals(resource.kind()))
                && (!target.has("name") || target.get("name").asText().equals(resource.name()));
    }

    private static boolean isBuiltIn(Resource resource) {
        return BUILT_IN_GROUPS.contains(resource.group());
    }

    private static List<Resource> inNamespace(List<Resource> resources, String namespace) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resources) {
            if (CLUSTER_SCOPED.contains(resource.kind())) {
                out.add(resource);
            } else {
                ObjectNode copy = resource.node().deepCopy();
                ((ObjectNode) copy.get("metadata")).put("namespace", namespace);
                out.add(resource.withNode(copy));
            }
        }
        return out;
    }
}
