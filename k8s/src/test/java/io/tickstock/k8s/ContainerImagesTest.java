package io.tickstock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No container runtime here, so the Dockerfiles are checked against what they build from and what runs them: every
 * COPY source exists in the packaged fast-jar layout, the base image is pinned, the user is the non-root one the
 * manifests require, the exposed port is the service's HTTP port and its containerPort, and a pod that overrides
 * the image's JVM options keeps them.
 */
@Tag("deployment")
class ContainerImagesTest {

    private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern ENV = Pattern.compile("^ENV (\\w+)=\"(.*)\"$", Pattern.MULTILINE);

    static Stream<String> services() {
        return ServiceConfigs.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyCopySourceIsInThePackagedApplication(String service) throws IOException {
        Path module = ServiceConfigs.root().resolve(service);
        assertThat(module.resolve("target/quarkus-app/quarkus-run.jar"))
                .as("package the services first (mvn package, or ./tickstock test which runs verify)").exists();

        List<String> sources = new ArrayList<>();
        for (String[] instruction : instructions(service)) {
            if (instruction[0].equals("COPY")) {
                sources.add(instruction[1].replaceFirst("^--chown=\\S+\\s+", "").split("\\s+")[0]);
            }
        }

        assertThat(sources).hasSize(4).allSatisfy(source -> assertThat(matches(module, source))
                .as("COPY %s in %s", source, service).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsPinnedNonRootOnTheServicePort(String service) throws IOException {
        Map<String, String> config = ServiceConfigs.of(service);
        Manifests base = Manifests.render(ServiceConfigs.root().resolve("k8s/base"));
        Workload workload = base.workload(service).orElseThrow();
        JsonNode container = workload.containers().get(0);

        assertThat(value(service, "FROM")).matches(".+:[^:/]+").doesNotEndWith(":latest");
        assertThat(value(service, "USER")).isEqualTo(workload.podSpec().at("/securityContext/runAsUser").asText())
                .isNotEqualTo("0");
        assertThat(value(service, "EXPOSE")).isEqualTo(config.get("quarkus.http.port"))
                .isEqualTo(container.at("/ports/0/containerPort").asText());
        assertThat(container.path("image").asText()).startsWith("tickstock/" + service + ":");
    }

    @ParameterizedTest
    @MethodSource("services")
    void aPodThatSetsJvmOptionsKeepsTheImageOnes(String service) throws IOException {
        String imageOptions = env(service, "JAVA_OPTS_APPEND");
        Manifests base = Manifests.render(ServiceConfigs.root().resolve("k8s/base"));
        Workload workload = base.workload(service).orElseThrow();

        String podOptions = workload.environment(workload.containers().get(0), base).get("JAVA_OPTS_APPEND");

        if (podOptions != null) {
            assertThat(podOptions).startsWith(imageOptions);
        }
        assertThat(imageOptions).contains("-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1",
                "-XX:CompilerThreadPriority=10");
    }

    private static List<String[]> instructions(String service) throws IOException {
        List<String[]> out = new ArrayList<>();
        Matcher m = INSTRUCTION.matcher(dockerfile(service));
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2).trim()});
        }
        return out;
    }

    private static String value(String service, String instruction) throws IOException {
        for (String[] i : instructions(service)) {
            if (i[0].equals(instruction)) {
                return i[1];
            }
        }
        throw new AssertionError(service + " Dockerfile.jvm has no " + instruction);
    }

    private static String env(String service, String name) throws IOException {
        Matcher m = ENV.matcher(dockerfile(service));
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError(service + " Dockerfile.jvm sets no " + name);
    }

    private static String dockerfile(String service) throws IOException {
        return Files.readString(ServiceConfigs.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
    }

    /** The files a COPY source names: a directory, a file, or a glob in the last segment. */
    private static List<Path> matches(Path module, String source) throws IOException {
        Path path = module.resolve(source);
        String last = path.getFileName().toString();
        if (!last.contains("*")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(), last)) {
            files.forEach(found::add);
        }
        return found;
    }
}
