package io.tickstock.k8s.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.tickstock.k8s.Resource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses every object with the model its API defines, strictly: an unknown field or a missing required one is a
 * problem, as the API server would reject it. Kubernetes' own kinds use {@code io.kubernetes:client-java-api} (its
 * generated {@code validateJsonElement} checks both); Strimzi's kinds use Strimzi's API classes with Jackson told to
 * fail on unknown fields (Strimzi's classes would otherwise keep them aside); the Prometheus Operator's kinds use
 * our own records of the fields we use.
 */
public final class StrictModels {

    private static final Map<String, Class<?>> KUBERNETES = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "apps/v1/StatefulSet", V1StatefulSet.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);

    private static final Map<String, Class<?>> JACKSON = Map.of(
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

    /** Jackson that fails on any field a class does not declare, even where the class would collect extras. */
    static final ObjectMapper STRICT_JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private StrictModels() {
    }

    /** One tree as one of our strict records or Strimzi classes: unknown or missing required fields throw. */
    public static <T> T strictly(JsonNode tree, Class<T> type) throws IOException {
        T parsed = STRICT_JACKSON.treeToValue(tree, type);
        RequiredFields.check(parsed);
        return parsed;
    }

    /** Every object that does not parse, with the reason; empty when all do. */
    public static List<String> problems(List<Resource> resources) {
        List<String> problems = new ArrayList<>();
        for (Resource resource : resources) {
            String type = resource.apiVersion() + "/" + resource.kind();
            try {
                if (KUBERNETES.containsKey(type)) {
                    parseKubernetes(KUBERNETES.get(type), resource);
                } else if (JACKSON.containsKey(type)) {
                    strictly(resource.node(), JACKSON.get(type));
                } else {
                    problems.add(resource + ": no strict model for " + type + " (add one to StrictModels)");
                }
            } catch (Exception e) {
                problems.add(resource + " does not parse as " + type + ": " + rootMessage(e));
            }
        }
        return problems;
    }

    private static void parseKubernetes(Class<?> model, Resource resource) throws Exception {
        String json = resource.node().toString();
        JsonElement tree = JsonParser.parseString(json);
        Method validate = model.getMethod("validateJsonElement", JsonElement.class);
        Method fromJson = model.getMethod("fromJson", String.class);
        try {
            validate.invoke(null, tree);
            fromJson.invoke(null, json);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        // the Kubernetes models append the whole object as JSON: the field name before it is the news
        String first = message.lines().findFirst().orElse(message);
        return first.split("\\. JSON: |: \\{", 2)[0];
    }
}
