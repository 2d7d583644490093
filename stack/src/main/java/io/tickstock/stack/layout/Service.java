package io.tickstock.stack.layout;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three services of the stack: the name operators type, the Maven module that packages it, its default port. */
public enum Service {
    PROCESSOR("processor", "channel-processor", 8082),
    GATEWAY("gateway", "ws-gateway", 8080),
    INGEST("ingest", "ingest-service", 8081);

    private final String label;
    private final String module;
    private final int defaultPort;

    Service(String label, String module, int defaultPort) {
        this.label = label;
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** How environment variables name it: {@code TICKSTOCK_PROCESSOR_PORT}, {@code TICKSTOCK_PROCESSOR_JAVA_OPTS}. */
    public String envName() {
        return label.toUpperCase(Locale.ROOT);
    }

    /** Its packaged Quarkus app in the repository {@code root}. */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Optional<Service> labelled(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
