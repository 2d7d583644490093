package io.tickstock.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The services' own application.properties, read from the repository: what the manifests must agree with. */
public final class ServiceConfigs {

    /** Module directory = Kubernetes workload, Service and ConfigMap name. */
    public static final List<String> SERVICES = List.of("ingest-service", "channel-processor", "ws-gateway");

    /** Each service's one @ConfigMapping interface (STYLE.md: one per service). */
    private static final Map<String, String> MAPPINGS = Map.of(
            "ingest-service", "io.tickstock.ingest.IngestConfig",
            "channel-processor", "io.tickstock.processor.ProcessorConfig",
            "ws-gateway", "io.tickstock.gateway.GatewayConfig");

    private ServiceConfigs() {
    }

    public static Path root() {
        return Path.of(System.getProperty("tickstock.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Every key the service reads, with the value a packaged service runs with: its @ConfigMapping keys (with their
     * defaults, or null) overlaid by application.properties without profile-prefixed keys.
     */
    public static Map<String, String> of(String service) {
        Map<String, String> keys = new TreeMap<>(mappingKeys(service));
        keys.putAll(properties(service));
        return keys;
    }

    private static Map<String, String> mappingKeys(String service) {
        try {
            return ConfigMappingKeys.of(Class.forName(MAPPINGS.get(service)));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the " + service + " classes are not on the test classpath", e);
        }
    }

    private static Map<String, String> properties(String service) {
        Path file = root().resolve(service).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                out.put(key, properties.getProperty(key));
            }
        }
        return out;
    }

    /** The environment variable that overrides a key (MicroProfile Config's rule). */
    public static String envName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
