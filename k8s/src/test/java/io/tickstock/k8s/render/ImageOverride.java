package io.tickstock.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.k8s.Resource;
import java.util.ArrayList;
import java.util.List;

/** One entry of a kustomization's {@code images}: containers whose image is {@code name} get a new name and tag. */
record ImageOverride(String name, String newName, String newTag) {

    private static final List<String> CONTAINER_LISTS = List.of(
            "/spec/containers", "/spec/initContainers",
            "/spec/template/spec/containers", "/spec/template/spec/initContainers");

    static ImageOverride of(JsonNode entry) {
        return new ImageOverride(entry.path("name").asText(), entry.path("newName").asText(null),
                entry.path("newTag").asText(null));
    }

    List<Resource> applyTo(List<Resource> resources) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resources) {
            ObjectNode copy = resource.node().deepCopy();
            for (String list : CONTAINER_LISTS) {
                for (JsonNode container : copy.at(list)) {
                    rewrite((ObjectNode) container);
                }
            }
            out.add(resource.withNode(copy));
        }
        return out;
    }

    private void rewrite(ObjectNode container) {
        String image = container.path("image").asText();
        int tagAt = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.lastIndexOf(':') : image.length();
        if (!image.substring(0, tagAt).equals(name)) {
            return;
        }
        String tag = tagAt < image.length() ? image.substring(tagAt + 1) : null;
        String finalName = newName == null ? name : newName;
        String finalTag = newTag == null ? tag : newTag;
        container.put("image", finalTag == null ? finalName : finalName + ":" + finalTag);
    }
}
