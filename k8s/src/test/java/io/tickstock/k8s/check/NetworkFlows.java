package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.k8s.Labels;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates the NetworkPolicies as Kubernetes does (a flow passes when the source's egress and the destination's
 * ingress both allow it; a pod no policy selects for a direction is open in that direction) over a table of flows:
 * the flows of SPEC §2 must pass, every other path between our pods, and from outside to the internal ones, must not.
 */
public final class NetworkFlows implements ManifestCheck {

    /** Who talks: one of our workloads (by name), or a peer outside them. */
    record Endpoint(String name, String namespace, JsonNode podLabels, String ip) {

        boolean isPod() {
            return ip == null;
        }
    }

    record Flow(String from, String to, int port, String protocol, boolean allowed) {
    }

    static final List<Flow> FLOWS = List.of(
            // SPEC §2: every service reads and writes Kafka; ingest reaches the provider; clients reach the gateway
            new Flow("ingest-service", "kafka", 9092, "TCP", true),
            new Flow("channel-processor", "kafka", 9092, "TCP", true),
            new Flow("ws-gateway", "kafka", 9092, "TCP", true),
            new Flow("ingest-service", "provider", 443, "TCP", true),
            new Flow("client", "ws-gateway", 8080, "TCP", true),
            // operations: Prometheus scrapes all three; everyone resolves names
            new Flow("prometheus", "ingest-service", 8081, "TCP", true),
            new Flow("prometheus", "channel-processor", 8082, "TCP", true),
            new Flow("prometheus", "ws-gateway", 8080, "TCP", true),
            new Flow("ingest-service", "dns", 53, "UDP", true),
            new Flow("channel-processor", "dns", 53, "UDP", true),
            new Flow("ws-gateway", "dns", 53, "UDP", true),
            // nothing else: the services never call each other, only the gateway faces clients
            new Flow("ingest-service", "ws-gateway", 8080, "TCP", false),
            new Flow("ws-gateway", "channel-processor", 8082, "TCP", false),
            new Flow("channel-processor", "ingest-service", 8081, "TCP", false),
            new Flow("client", "channel-processor", 8082, "TCP", false),
            new Flow("client", "ingest-service", 8081, "TCP", false),
            new Flow("other-pod", "channel-processor", 8082, "TCP", false),
            new Flow("channel-processor", "provider", 443, "TCP", false),
            new Flow("ws-gateway", "provider", 443, "TCP", false),
            new Flow("ingest-service", "private-host", 443, "TCP", false),
            new Flow("ws-gateway", "kafka", 9093, "TCP", false));

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Endpoint> endpoints = endpoints(manifests);
        List<Resource> policies = manifests.ofKind("NetworkPolicy");
        for (Flow flow : FLOWS) {
            Endpoint from = endpoints.get(flow.from());
            Endpoint to = endpoints.get(flow.to());
            if (from == null || to == null) {
                problems.add("flow " + flow + ": no such workload in the manifests");
                continue;
            }
            boolean allowed = allows(policies, "Egress", from, to, flow) && allows(policies, "Ingress", to, from, flow);
            if (allowed != flow.allowed()) {
                problems.add("NetworkPolicies " + (allowed ? "allow " : "block ") + flow.from() + " -> " + flow.to()
                        + ":" + flow.port() + "/" + flow.protocol() + (flow.allowed() ? ", a flow of SPEC §2" : ""));
            }
        }
        return problems;
    }

    private static Map<String, Endpoint> endpoints(Manifests manifests) {
        String ns = manifests.workloads().isEmpty() ? "tickstock"
                : namespaceOf(manifests.workloads().get(0).resource());
        Map<String, Endpoint> out = new TreeMap<>();
        for (Workload workload : manifests.workloads()) {
            out.put(workload.name(), new Endpoint(workload.name(), ns, workload.podLabels(), null));
        }
        String cluster = manifests.ofKind("Kafka").stream().map(Resource::name).findFirst().orElse("tickstock");
        out.put("kafka", new Endpoint("kafka", ns,
                labels("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka"), null));
        out.put("prometheus", new Endpoint("prometheus", "monitoring",
                labels("app.kubernetes.io/name", "prometheus"), null));
        out.put("dns", new Endpoint("dns", "kube-system", labels("k8s-app", "kube-dns"), null));
        out.put("other-pod", new Endpoint("other-pod", "other", labels("app", "other"), null));
        out.put("client", new Endpoint("client", null, null, "203.0.113.10"));
        out.put("provider", new Endpoint("provider", null, null, "198.51.100.7"));
        out.put("private-host", new Endpoint("private-host", null, null, "10.1.2.3"));
        return out;
    }

    /** Does the {@code self} side let the flow through in {@code direction}? */
    private static boolean allows(List<Resource> policies, String direction, Endpoint self, Endpoint peer, Flow flow) {
        if (!self.isPod()) {
            return true;
        }
        boolean selected = false;
        for (Resource policy : policies) {
            if (!namespaceOf(policy).equals(self.namespace())
                    || !Labels.matches(policy.at("/spec/podSelector/matchLabels"), self.podLabels())
                    || !hasType(policy, direction)) {
                continue;
            }
            selected = true;
            String rules = direction.equals("Egress") ? "/spec/egress" : "/spec/ingress";
            String peers = direction.equals("Egress") ? "to" : "from";
            for (JsonNode rule : policy.at(rules)) {
                if (peerMatches(rule.path(peers), peer, namespaceOf(policy)) && portMatches(rule.path("ports"), flow)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean hasType(Resource policy, String direction) {
        for (JsonNode type : policy.at("/spec/policyTypes")) {
            if (type.asText().equals(direction)) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, Endpoint peer, String policyNamespace) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode candidate : peers) {
            if (candidate.has("ipBlock")) {
                if (!peer.isPod() && Cidr.contains(candidate.get("ipBlock"), peer.ip())) {
                    return true;
                }
            } else if (peer.isPod()) {
                boolean namespaceOk = candidate.has("namespaceSelector")
                        ? Labels.matches(candidate.at("/namespaceSelector/matchLabels"),
                                labels("kubernetes.io/metadata.name", peer.namespace()))
                        : policyNamespace.equals(peer.namespace());
                if (namespaceOk && Labels.matches(candidate.at("/podSelector/matchLabels"), peer.podLabels())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, Flow flow) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode port : ports) {
            if (port.path("port").asInt() == flow.port() && port.path("protocol").asText("TCP").equals(flow.protocol())) {
                return true;
            }
        }
        return false;
    }

    private static String namespaceOf(Resource resource) {
        return resource.namespace() == null ? "tickstock" : resource.namespace();
    }

    private static ObjectNode labels(String... keyValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }
}
