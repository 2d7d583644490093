package io.tickstock.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Containerfiles of deploy/containers against what they build from and what runs them, without a container
 * runtime (the container smoke test of e2e builds and runs them): every COPY source exists (the packaged fast-jar
 * layout, the entry scripts, the broker's configuration), the user is the non-root one the manifests require, the
 * port and health check are the service's, the manifests reference the images by the project's version, and a pod
 * that overrides the image's JVM options keeps them.
 */
@Tag("deployment")
class ContainerImagesTest {

    private static final Path CONTAINERS = ServiceConfigs.root().resolve("deploy/containers");
    private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern ENV = Pattern.compile("^ENV (\\w+)=\"(.*)\"$", Pattern.MULTILINE);
    private static final Pattern COPY = Pattern.compile("^(?:--\\S+\\s+)*(.*)\\s+\\S+$");

    static Stream<String> services() {
        return ServiceConfigs.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyCopySourceIsInThePackagedApplicationOrBesideTheContainerfile(String service) throws IOException {
        Path module = ServiceConfigs.root().resolve(service);
        assertThat(module.resolve("target/quarkus-app/quarkus-run.jar"))
                .as("package the services first (mvn package, or ./tickstock test which runs verify)").exists();

        assertThat(copySources("service.Containerfile")).hasSize(5).allSatisfy(copy -> assertThat(
                matches(copy.contains("--from=containers") ? CONTAINERS : module, sources(copy)))
                .as("COPY %s for %s", copy, service).isTrue());
    }

    @Test
    void theBrokerImageCopiesTheLocalBrokersConfigurationAndEntryPoint() throws IOException {
        assertThat(copySources("kafka.Containerfile")).filteredOn(copy -> !copy.contains("--from=libs"))
                .hasSize(2).allSatisfy(copy -> assertThat(matches(copy.contains("--from=local")
                        ? ServiceConfigs.root().resolve("deploy/local") : CONTAINERS, sources(copy)))
                        .as("COPY %s", copy).isTrue());
        assertThat(value("kafka.Containerfile", "USER")).isNotEqualTo("0").isNotEqualTo(serviceUser());
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsNonRootOnTheServicePortWithItsReadinessAsHealthCheck(String service) throws IOException {
        Manifests base = Manifests.render(ServiceConfigs.root().resolve("k8s/base"));
        Workload workload = base.workload(service).orElseThrow();

        assertThat(serviceUser()).isEqualTo(workload.podSpec().at("/securityContext/runAsUser").asText())
                .isNotEqualTo("0");
        // ./tickstock images passes the service's quarkus.http.port as HTTP_PORT
        assertThat(value("service.Containerfile", "EXPOSE")).isEqualTo("${HTTP_PORT}");
        assertThat(ServiceConfigs.of(service).get("quarkus.http.port"))
                .isEqualTo(workload.containers().get(0).at("/ports/0/containerPort").asText());
        assertThat(value("service.Containerfile", "HEALTHCHECK")).contains("/q/health/ready");
    }

    @Test
    void everyManifestAndOverlayReferencesTheImagesByTheProjectVersion() throws IOException {
        String version = projectVersion();
        Manifests base = Manifests.render(ServiceConfigs.root().resolve("k8s/base"));

        for (String service : ServiceConfigs.SERVICES) {
            assertThat(base.workload(service).orElseThrow().containers().get(0).path("image").asText())
                    .isEqualTo("tickstock/" + service + ":" + version);
        }
        for (String overlay : List.of("dev", "prod")) {
            Manifests rendered = Manifests.render(ServiceConfigs.root().resolve("k8s/overlays/" + overlay));
            assertThat(rendered.workloads()).allSatisfy(workload -> assertThat(workload.containers().get(0)
                    .path("image").asText()).as(overlay).endsWith("/" + workload.name() + ":" + version));
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void aPodThatSetsJvmOptionsKeepsTheImageOnes(String service) throws IOException {
        String imageOptions = env("JAVA_OPTS_APPEND");
        Manifests base = Manifests.render(ServiceConfigs.root().resolve("k8s/base"));
        Workload workload = base.workload(service).orElseThrow();

        String podOptions = workload.environment(workload.containers().get(0), base).get("JAVA_OPTS_APPEND");

        if (podOptions != null) {
            assertThat(podOptions).startsWith(imageOptions);
        }
        assertThat(imageOptions).contains("-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1",
                "-XX:CompilerThreadPriority=10");
        assertThat(base.configMap(service)).containsKey("JAVA_MAX_MEM_RATIO");
    }

    /** The version of the root pom without -SNAPSHOT: the tag ./tickstock images gives every image. */
    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("^  <version>(.*)</version>$", Pattern.MULTILINE)
                .matcher(Files.readString(ServiceConfigs.root().resolve("pom.xml")));
        assertThat(m.find()).as("the root pom's version").isTrue();
        return m.group(1).replaceFirst("-SNAPSHOT$", "");
    }

    private static String serviceUser() throws IOException {
        return value("service.Containerfile", "USER");
    }

    private static List<String> copySources(String containerfile) throws IOException {
        List<String> out = new ArrayList<>();
        for (String[] instruction : instructions(containerfile)) {
            if (instruction[0].equals("COPY")) {
                out.add(instruction[1]);
            }
        }
        return out;
    }

    /** The sources of a COPY (its options and destination left out). */
    private static List<String> sources(String copy) {
        Matcher m = COPY.matcher(copy);
        assertThat(m.matches()).as(copy).isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }

    private static List<String[]> instructions(String containerfile) throws IOException {
        List<String[]> out = new ArrayList<>();
        Matcher m = INSTRUCTION.matcher(Files.readString(CONTAINERS.resolve(containerfile)));
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2).trim()});
        }
        return out;
    }

    private static String value(String containerfile, String instruction) throws IOException {
        for (String[] i : instructions(containerfile)) {
            if (i[0].equals(instruction)) {
                return i[1];
            }
        }
        throw new AssertionError(containerfile + " has no " + instruction);
    }

    private static String env(String name) throws IOException {
        Matcher m = ENV.matcher(Files.readString(CONTAINERS.resolve("service.Containerfile")));
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("service.Containerfile sets no " + name);
    }

    /** Whether every source exists under {@code dir}: a directory, a file, or a glob in the last segment. */
    private static boolean matches(Path dir, List<String> sources) throws IOException {
        for (String source : sources) {
            Path path = dir.resolve(source);
            String last = path.getFileName().toString();
            if (!last.contains("*")) {
                if (!Files.exists(path)) {
                    return false;
                }
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(), last)) {
                if (!files.iterator().hasNext()) {
                    return false;
                }
            }
        }
        return true;
    }
}
