package io.tickstock.k8s.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Object metadata as our Prometheus Operator resources use it. */
public record Metadata(
        @JsonProperty(required = true) String name,
        String namespace,
        Map<String, String> labels,
        Map<String, String> annotations) {
}
