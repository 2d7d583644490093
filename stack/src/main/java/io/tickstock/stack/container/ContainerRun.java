package io.tickstock.stack.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code podman run} of one component of the stack: host network (the same ports as processes), the ulimits this
 * kind of machine allows (no higher than 1024), its k8s limits, its log in the stack's logs, and the label of the
 * stack's home by which {@code down} finds every container it leaves behind.
 */
public record ContainerRun(String container, String image, Path home, Path log, List<String> limits,
        List<String> options, Map<String, String> environment) {

    public static final String HOME_LABEL = "io.tickstock.home";

    public ContainerRun {
        limits = List.copyOf(limits);
        options = List.copyOf(options);
        environment = Map.copyOf(environment);
    }

    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", container, "--label", HOME_LABEL + "=" + home,
                "--network=host", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"));
        args.addAll(limits);
        args.addAll(List.of("--log-driver", "k8s-file", "--log-opt", "path=" + log));
        args.addAll(options);
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.addAll(List.of("-e", e.getKey() + "=" + e.getValue())));
        args.add(image);
        return args;
    }
}
