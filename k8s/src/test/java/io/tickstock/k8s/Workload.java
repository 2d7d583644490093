package io.tickstock.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Deployment or StatefulSet seen through its pod template. */
public record Workload(Resource resource) {

    public String name() {
        return resource.name();
    }

    public JsonNode podSpec() {
        return resource.at("/spec/template/spec");
    }

    public JsonNode podLabels() {
        return resource.at("/spec/template/metadata/labels");
    }

    public int replicas() {
        return resource.at("/spec/replicas").asInt(1);
    }

    public List<JsonNode> containers() {
        List<JsonNode> out = new ArrayList<>();
        podSpec().path("containers").forEach(out::add);
        return out;
    }

    /** A container's port number by name or number, as a Service's targetPort or a probe's port names it. */
    public Optional<Integer> resolvePort(JsonNode port) {
        for (JsonNode container : containers()) {
            for (JsonNode declared : container.path("ports")) {
                boolean byName = port.isTextual() && port.asText().equals(declared.path("name").asText());
                boolean byNumber = port.isInt() && port.asInt() == declared.path("containerPort").asInt();
                if (byName || byNumber) {
                    return Optional.of(declared.path("containerPort").asInt());
                }
            }
        }
        return Optional.empty();
    }

    /** The container's environment: plain env entries, then ConfigMaps it loads whole (what the pod would see). */
    public Map<String, String> environment(JsonNode container, Manifests manifests) {
        Map<String, String> env = configMapsLoaded(container, manifests);
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return env;
    }

    /** What the ConfigMaps a container loads whole ({@code envFrom}) give its environment. */
    public static Map<String, String> configMapsLoaded(JsonNode container, Manifests manifests) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                env.putAll(manifests.configMap(source.at("/configMapRef/name").asText()));
            }
        }
        return env;
    }
}
