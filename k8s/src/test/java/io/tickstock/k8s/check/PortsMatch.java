package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Labels;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ports line up end to end: a Service's targetPort is a port of the pods it selects, every probe's port is one of
 * its container's, a ServiceMonitor's port is a named port of the Services it selects, and a NetworkPolicy lets
 * traffic in on ports the pods actually listen on.
 */
public final class PortsMatch implements ManifestCheck {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Resource service : manifests.ofKind("Service")) {
            for (Workload workload : manifests.selectedBy(service.at("/spec/selector"))) {
                for (JsonNode port : service.at("/spec/ports")) {
                    JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                    if (workload.resolvePort(target).isEmpty()) {
                        problems.add(service + ": targetPort " + target + " is not a container port of "
                                + workload.resource().id());
                    }
                }
            }
        }
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                for (String probe : PROBES) {
                    JsonNode port = container.at("/" + probe + "/httpGet/port");
                    if (!port.isMissingNode() && workload.resolvePort(port).isEmpty()) {
                        problems.add(workload.resource() + ": " + probe + " port " + port
                                + " is not a port of container " + container.path("name").asText());
                    }
                }
            }
        }
        for (Resource monitor : manifests.ofKind("ServiceMonitor")) {
            for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
                String port = endpoint.path("port").asText();
                for (Resource service : manifests.ofKind("Service")) {
                    boolean selected = Labels.matches(monitor.at("/spec/selector/matchLabels"),
                            service.at("/metadata/labels"));
                    if (selected && !hasNamedPort(service, port)) {
                        problems.add(monitor + ": endpoint port '" + port + "' is not a port name of " + service.id());
                    }
                }
            }
        }
        for (Resource policy : manifests.ofKind("NetworkPolicy")) {
            for (Workload workload : manifests.selectedBy(policy.at("/spec/podSelector/matchLabels"))) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode port : rule.path("ports")) {
                        Optional<Integer> resolved = workload.resolvePort(port.path("port"));
                        if (resolved.isEmpty()) {
                            problems.add(policy + ": ingress port " + port.path("port") + " is not a port of "
                                    + workload.resource().id());
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static boolean hasNamedPort(Resource service, String name) {
        for (JsonNode port : service.at("/spec/ports")) {
            if (name.equals(port.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
