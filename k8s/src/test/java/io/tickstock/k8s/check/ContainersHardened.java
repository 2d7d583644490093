package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every container of ours: health probes on the Quarkus endpoints, liveness patient enough to outlast a rebalance,
 * sized resources, non-root with a read-only root filesystem (and a writable /tmp for the JVM), a pinned image,
 * a graceful shutdown (preStop, then more grace than the preStop takes), and env references that Kubernetes can
 * expand.
 */
public final class ContainersHardened implements ManifestCheck {

    /** A Kafka Streams rebalance with state restore takes seconds to tens of seconds: liveness waits this long. */
    static final int LIVENESS_PATIENCE_SECONDS = 30;

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            JsonNode pod = workload.podSpec();
            for (JsonNode container : workload.containers()) {
                String where = workload.resource().id() + " container " + container.path("name").asText();
                probes(where, container, problems);
                resources(where, container, problems);
                security(where, pod, container, problems);
                image(where, container, problems);
                shutdown(where, pod, container, problems);
                envReferences(where, workload, container, manifests, problems);
            }
        }
        return problems;
    }

    private static void probes(String where, JsonNode container, List<String> problems) {
        expect(problems, where, container.at("/livenessProbe/httpGet/path").asText(), "/q/health/live",
                "livenessProbe.httpGet.path");
        expect(problems, where, container.at("/readinessProbe/httpGet/path").asText(), "/q/health/ready",
                "readinessProbe.httpGet.path");
        JsonNode liveness = container.path("livenessProbe");
        int patience = liveness.path("periodSeconds").asInt(10) * liveness.path("failureThreshold").asInt(3);
        if (patience < LIVENESS_PATIENCE_SECONDS) {
            problems.add(where + ": livenessProbe gives up after " + patience + " s, less than the "
                    + LIVENESS_PATIENCE_SECONDS + " s a rebalance may take");
        }
        if (!container.has("startupProbe")) {
            problems.add(where + ": no startupProbe (liveness would run during start-up and state restore)");
        }
    }

    private static void resources(String where, JsonNode container, List<String> problems) {
        for (String field : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            if (container.at(field).isMissingNode()) {
                problems.add(where + ": " + field.substring(1).replace('/', '.') + " is not set");
            }
        }
        String request = container.at("/resources/requests/memory").asText();
        String limit = container.at("/resources/limits/memory").asText();
        if (!request.isEmpty() && !request.equals(limit)) {
            problems.add(where + ": memory request " + request + " differs from its limit " + limit
                    + " (a JVM sized to its limit must have that memory guaranteed)");
        }
    }

    private static void security(String where, JsonNode pod, JsonNode container, List<String> problems) {
        JsonNode podContext = pod.path("securityContext");
        JsonNode context = container.path("securityContext");
        boolean nonRoot = context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean(false));
        int user = context.path("runAsUser").asInt(podContext.path("runAsUser").asInt(-1));
        if (!nonRoot || user == 0) {
            problems.add(where + ": must run as non-root (runAsNonRoot: true, runAsUser not 0)");
        }
        if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(where + ": securityContext.readOnlyRootFilesystem must be true");
        }
        if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
            problems.add(where + ": securityContext.allowPrivilegeEscalation must be false");
        }
        boolean dropsAll = false;
        for (JsonNode capability : context.at("/capabilities/drop")) {
            dropsAll |= capability.asText().equals("ALL");
        }
        if (!dropsAll) {
            problems.add(where + ": securityContext.capabilities.drop must contain ALL");
        }
        boolean writableTmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            writableTmp |= mount.path("mountPath").asText().equals("/tmp");
        }
        if (!writableTmp) {
            problems.add(where + ": read-only root filesystem but no volume mounted at /tmp (the JVM writes there)");
        }
    }

    private static void image(String where, JsonNode container, List<String> problems) {
        String image = container.path("image").asText();
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean digest = image.contains("@sha256:");
        boolean tagged = colon > slash && !image.endsWith(":latest");
        if (!digest && !tagged) {
            problems.add(where + ": image '" + image + "' is not pinned to a tag (never latest) or digest");
        }
    }

    private static void shutdown(String where, JsonNode pod, JsonNode container, List<String> problems) {
        JsonNode preStop = container.at("/lifecycle/preStop");
        if (preStop.isMissingNode()) {
            problems.add(where + ": no lifecycle.preStop (the pod would get traffic while it stops)");
            return;
        }
        int preStopSeconds = preStop.at("/sleep/seconds").asInt(0);
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        if (grace < preStopSeconds + 20) {
            problems.add(where + ": terminationGracePeriodSeconds " + grace + " leaves less than 20 s after the "
                    + preStopSeconds + " s preStop for the service to drain and commit");
        }
    }

    /** Kubernetes expands $(NAME) only from envFrom and from env entries above the one that uses it. */
    private static void envReferences(String where, Workload workload, JsonNode container, Manifests manifests,
            List<String> problems) {
        Set<String> defined = new HashSet<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                defined.addAll(manifests.configMap(source.at("/configMapRef/name").asText()).keySet());
            }
        }
        for (JsonNode variable : container.path("env")) {
            Matcher reference = REFERENCE.matcher(variable.path("value").asText());
            while (reference.find()) {
                if (!defined.contains(reference.group(1))) {
                    problems.add(where + ": env " + variable.path("name").asText() + " refers to $("
                            + reference.group(1) + ") before it is defined (it would stay literal)");
                }
            }
            defined.add(variable.path("name").asText());
        }
    }

    private static void expect(List<String> problems, String where, String actual, String expected, String field) {
        if (!expected.equals(actual)) {
            problems.add(where + ": " + field + " is '" + actual + "', expected " + expected);
        }
    }
}
