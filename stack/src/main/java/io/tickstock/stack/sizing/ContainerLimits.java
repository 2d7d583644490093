package io.tickstock.stack.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A component's k8s memory limit and CPU request (and limit, where it has one), as podman run options. */
public final class ContainerLimits {

    private ContainerLimits() {
    }

    /** {@code component}: kafka or a service's label. */
    public static List<String> of(String component, K8sManifests manifests) {
        List<String> options = new ArrayList<>(List.of("--memory", manifests.memoryLimitMib(component) + "m"));
        Quantities.millicores(manifests.resource(component, "requests", "cpu").orElse(""))
                .ifPresent(request -> options.addAll(List.of("--cpu-shares", Long.toString(request * 1024 / 1000))));
        Quantities.millicores(manifests.resource(component, "limits", "cpu").orElse(""))
                .ifPresent(limit -> options.addAll(List.of("--cpus",
                        BigDecimal.valueOf(limit).movePointLeft(3).stripTrailingZeros().toPlainString())));
        return options;
    }

    /** The options as one line, for what the stack says it starts. */
    public static String summary(String component, K8sManifests manifests) {
        return String.join(" ", of(component, manifests));
    }
}
