package io.tickstock.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Label selector matching, for {@code matchLabels} (the only form our manifests use). */
public final class Labels {

    private Labels() {
    }

    /** An empty or absent selector selects everything, as Kubernetes defines it for podSelector. */
    public static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        Iterator<Map.Entry<String, JsonNode>> required = selector.fields();
        while (required.hasNext()) {
            Map.Entry<String, JsonNode> label = required.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
