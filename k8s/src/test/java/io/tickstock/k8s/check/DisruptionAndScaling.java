package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Each workload has exactly one PodDisruptionBudget, and that budget lets a node drain proceed (one that allows no
 * eviction blocks cluster upgrades forever). The gateway scales with an HPA whose range holds its replica count.
 */
public final class DisruptionAndScaling implements ManifestCheck {

    static final String GATEWAY = "ws-gateway";

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            List<Resource> budgets = new ArrayList<>();
            for (Resource pdb : manifests.ofKind("PodDisruptionBudget")) {
                if (manifests.selectedBy(pdb.at("/spec/selector/matchLabels")).contains(workload)) {
                    budgets.add(pdb);
                }
            }
            if (budgets.size() != 1) {
                problems.add(workload.resource() + ": " + budgets.size() + " PodDisruptionBudgets select it, expected 1");
                continue;
            }
            JsonNode spec = budgets.get(0).at("/spec");
            boolean allowsEviction = spec.has("maxUnavailable")
                    ? spec.get("maxUnavailable").asInt() >= 1
                    : spec.path("minAvailable").asInt() < workload.replicas();
            if (!allowsEviction) {
                problems.add(budgets.get(0) + ": allows no eviction of " + workload.resource().id()
                        + " (" + workload.replicas() + " replicas): node drains would hang");
            }
        }
        List<Resource> scalers = new ArrayList<>();
        for (Resource hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            if (hpa.at("/spec/scaleTargetRef/name").asText().equals(GATEWAY)) {
                scalers.add(hpa);
            }
        }
        if (scalers.size() != 1) {
            problems.add(GATEWAY + ": " + scalers.size() + " HorizontalPodAutoscalers, expected 1");
        } else {
            JsonNode spec = scalers.get(0).at("/spec");
            int min = spec.path("minReplicas").asInt(1);
            int max = spec.path("maxReplicas").asInt();
            int replicas = manifests.workload(GATEWAY).map(Workload::replicas).orElse(0);
            if (replicas < min || replicas > max) {
                problems.add(scalers.get(0) + ": the Deployment's " + replicas + " replicas lie outside ["
                        + min + ", " + max + "]");
            }
            if (spec.path("metrics").isEmpty()) {
                problems.add(scalers.get(0) + ": no metrics to scale on");
            }
        }
        return problems;
    }
}
