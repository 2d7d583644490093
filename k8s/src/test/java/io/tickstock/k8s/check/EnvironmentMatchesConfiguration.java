package io.tickstock.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Manifests;
import io.tickstock.k8s.ServiceConfigs;
import io.tickstock.k8s.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every variable a service's pod is given by name (the ConfigMaps it loads whole, its own env entries, plain or from
 * a field or a Secret key) overrides a key the service reads, or is one its image's launcher reads: a misspelt or
 * retired variable would otherwise change nothing, silently. Secrets loaded whole are not in the manifests.
 */
public final class EnvironmentMatchesConfiguration implements ManifestCheck {

    /** What the image's launcher reads besides the service: heap sizing and JVM options. */
    static final Set<String> LAUNCHER = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND");

    @Override
    public List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfigs.SERVICES) {
            Optional<Workload> workload = manifests.workload(service);
            if (workload.isEmpty()) {
                continue;
            }
            Set<String> overridable = ServiceConfigs.of(service).keySet().stream().map(ServiceConfigs::envName)
                    .collect(Collectors.toSet());
            for (JsonNode container : workload.get().containers()) {
                for (String variable : variables(container, manifests)) {
                    if (!overridable.contains(variable) && !LAUNCHER.contains(variable)) {
                        problems.add(workload.get().resource() + ": " + variable + " overrides no key " + service
                                + " reads (its @ConfigMapping and application.properties) and is no launcher setting");
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> variables(JsonNode container, Manifests manifests) {
        Set<String> names = new TreeSet<>(Workload.configMapsLoaded(container, manifests).keySet());
        for (JsonNode variable : container.path("env")) {
            names.add(variable.path("name").asText());
        }
        return names;
    }
}
