package io.tickstock.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object as YAML gave it: the tree, and where it came from for messages.
 *
 * @param node the object (apiVersion, kind, metadata, ...)
 * @param origin the file it was read from
 */
public record Resource(ObjectNode node, String origin) {

    public String apiVersion() {
        return node.path("apiVersion").asText();
    }

    public String kind() {
        return node.path("kind").asText();
    }

    public String name() {
        return node.path("metadata").path("name").asText();
    }

    public String namespace() {
        return node.path("metadata").path("namespace").asText(null);
    }

    /** The API group: "" for the core group ("v1"), else what stands before the slash. */
    public String group() {
        String api = apiVersion();
        int slash = api.indexOf('/');
        return slash < 0 ? "" : api.substring(0, slash);
    }

    public JsonNode at(String pointer) {
        return node.at(pointer);
    }

    /** How messages name it: {@code Deployment/ws-gateway}. */
    public String id() {
        return kind() + "/" + name();
    }

    public Resource withNode(ObjectNode changed) {
        return new Resource(changed, origin);
    }

    @Override
    public String toString() {
        return id() + " (" + origin + ")";
    }
}
