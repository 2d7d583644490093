package io.tickstock.k8s.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus Operator PrometheusRule, and (its {@link Spec}) a plain Prometheus rule file: the fields an alerting
 * rule may have, nothing else.
 */
public record PrometheusRule(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) Metadata metadata,
        @JsonProperty(required = true) Spec spec) {

    public record Spec(@JsonProperty(required = true) List<Group> groups) {
    }

    public record Group(
            @JsonProperty(required = true) String name,
            String interval,
            @JsonProperty(required = true) List<Rule> rules) {
    }

    public record Rule(
            @JsonProperty(required = true) String alert,
            @JsonProperty(required = true) String expr,
            @JsonProperty("for") String forDuration,
            @JsonProperty(required = true) Map<String, String> labels,
            @JsonProperty(required = true) Map<String, String> annotations) {
    }
}
