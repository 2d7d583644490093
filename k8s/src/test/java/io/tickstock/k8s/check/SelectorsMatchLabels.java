package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Labels;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Every selector selects what it is meant to: a workload its own pods, a Service / PodDisruptionBudget /
 * NetworkPolicy at least one workload, an HPA an existing Deployment, a ServiceMonitor at least one Service.
 * A selector that selects nothing is valid YAML and silently does nothing, which is why it is checked.
 */
public final class SelectorsMatchLabels implements ManifestCheck {

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            JsonNode selector = workload.resource().at("/spec/selector/matchLabels");
            if (selector.isMissingNode() || selector.isEmpty()) {
                problems.add(workload.resource() + ": spec.selector.matchLabels is empty");
            } else if (!Labels.matches(selector, workload.podLabels())) {
                problems.add(workload.resource() + ": spec.selector " + selector + " does not match its pod labels "
                        + workload.podLabels());
            }
        }
        selectsAWorkload(manifests, "Service", "/spec/selector", problems);
        selectsAWorkload(manifests, "PodDisruptionBudget", "/spec/selector/matchLabels", problems);
        selectsAWorkload(manifests, "NetworkPolicy", "/spec/podSelector/matchLabels", problems);
        for (Resource hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String kind = hpa.at("/spec/scaleTargetRef/kind").asText();
            String name = hpa.at("/spec/scaleTargetRef/name").asText();
            if (manifests.find(kind, name).isEmpty()) {
                problems.add(hpa + ": scaleTargetRef " + kind + "/" + name + " does not exist");
            }
        }
        for (Resource monitor : manifests.ofKind("ServiceMonitor")) {
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            boolean any = manifests.ofKind("Service").stream()
                    .anyMatch(service -> Labels.matches(selector, service.at("/metadata/labels")));
            if (!any) {
                problems.add(monitor + ": selector " + selector + " matches no Service");
            }
        }
        return problems;
    }

    private static void selectsAWorkload(Manifests manifests, String kind, String pointer, List<String> problems) {
        for (Resource resource : manifests.ofKind(kind)) {
            JsonNode selector = resource.at(pointer);
            if (manifests.selectedBy(selector).isEmpty()) {
                problems.add(resource + ": selector " + selector + " matches no workload's pods");
            }
        }
    }
}
