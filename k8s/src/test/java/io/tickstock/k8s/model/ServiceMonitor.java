package io.tickstock.k8s.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The fields of a Prometheus Operator ServiceMonitor that we use; anything else fails the strict parse. */
public record ServiceMonitor(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) Metadata metadata,
        @JsonProperty(required = true) Spec spec) {

    public record Spec(
            @JsonProperty(required = true) LabelSelector selector,
            @JsonProperty(required = true) List<Endpoint> endpoints) {
    }

    public record Endpoint(
            @JsonProperty(required = true) String port,
            String path,
            String interval,
            String scrapeTimeout) {
    }

    public record LabelSelector(@JsonProperty(required = true) Map<String, String> matchLabels) {
    }
}
