package io.tickstock.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch that our overlays use. Maps merge key by key and {@code null}
 * deletes a key. Lists that Kubernetes merges by a key (containers and env by name, volume mounts by path, ports by
 * number) merge element by element; every other list is replaced whole. Custom resources (Strimzi, Prometheus
 * Operator) have no merge keys: for them this is a JSON merge patch, as kustomize does it.
 */
public final class StrategicMerge {

    private StrategicMerge() {
    }

    /** A copy of {@code target} with {@code patch} applied; {@code builtIn} says whether merge keys apply. */
    public static ObjectNode apply(ObjectNode target, ObjectNode patch, boolean builtIn) {
        ObjectNode result = target.deepCopy();
        merge(result, patch, builtIn, target.path("kind").asText(), "");
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn, String kind, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " at " + path + " is not supported");
            }
            JsonNode current = target.get(name);
            String childPath = path + "/" + name;
            String mergeKey = builtIn ? mergeKey(kind, path, name) : null;
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, builtIn, kind, childPath);
            } else if (value.isArray() && current != null && current.isArray() && mergeKey != null) {
                mergeList((ArrayNode) current, (ArrayNode) value, mergeKey, kind, childPath + "/*");
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /**
     * Like kustomize (kyaml): the patch's elements first, in the patch's order, each merged into the element with the
     * same key; then the elements the patch does not name, in their order. Order matters where env entries refer to
     * earlier ones ($(VAR)): ContainersHardened checks those references after rendering.
     */
    private static void mergeList(ArrayNode target, ArrayNode patch, String key, String kind, String path) {
        List<JsonNode> result = new ArrayList<>();
        List<JsonNode> untouched = new ArrayList<>();
        target.forEach(untouched::add);
        for (JsonNode element : patch) {
            if (!element.isObject() || element.get(key) == null) {
                throw new IllegalArgumentException("list element at " + path + " has no merge key " + key);
            }
            if (key.endsWith("ort") && !element.has("protocol")) {
                throw new IllegalArgumentException("port at " + path + " needs its protocol: kustomize merges ports"
                        + " by port and protocol and silently drops a patch element without one");
            }
            JsonNode match = null;
            for (JsonNode existing : untouched) {
                if (sameKey(existing, element, key)) {
                    match = existing;
                }
            }
            if (match == null) {
                result.add(element.deepCopy());
            } else {
                untouched.remove(match);
                ObjectNode merged = match.deepCopy();
                merge(merged, (ObjectNode) element, true, kind, path);
                result.add(merged);
            }
        }
        result.addAll(untouched);
        target.removeAll();
        target.addAll(result);
    }

    private static boolean sameKey(JsonNode existing, JsonNode element, String key) {
        boolean same = element.get(key).equals(existing.get(key));
        if (key.endsWith("ort")) {
            same &= existing.path("protocol").asText("TCP").equals(element.path("protocol").asText());
        }
        return same;
    }

    /** The patchMergeKey Kubernetes declares for a list field, or null when the list is replaced whole. */
    static String mergeKey(String kind, String parentPath, String field) {
        switch (field) {
            case "containers":
            case "initContainers":
            case "ephemeralContainers":
            case "volumes":
            case "imagePullSecrets":
            case "env":
                return "name";
            case "volumeMounts":
                return "mountPath";
            case "ports":
                if (kind.equals("Service") && parentPath.equals("/spec")) {
                    return "port";
                }
                return parentPath.endsWith("ontainers/*") ? "containerPort" : null;
            default:
                return null;
        }
    }
}
