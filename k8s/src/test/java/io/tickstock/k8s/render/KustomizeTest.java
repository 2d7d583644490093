package io.tickstock.k8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.k8s.Resource;
import io.tickstock.k8s.ServiceConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test renderer gives what {@code kubectl kustomize} gives, for the shipped overlays and every broken case.
 * kubectl is on this project's machines; where it is missing these comparisons are skipped (the checks still run on
 * the renderer's output) and the renderer's own behaviour is pinned by the unit tests below.
 */
@Tag("deployment")
class KustomizeTest {

    static Stream<String> kustomizations() throws IOException {
        Path k8s = ServiceConfigs.root().resolve("k8s");
        List<String> dirs = new ArrayList<>(List.of("base", "overlays/dev", "overlays/prod"));
        try (Stream<Path> broken = Files.list(k8s.resolve("src/test/resources/broken"))) {
            broken.filter(Files::isDirectory).map(p -> k8s.relativize(p).toString()).sorted().forEach(dirs::add);
        }
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersWhatKubectlRenders(String kustomization) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed: the renderer is not compared with kustomize");
        Path dir = ServiceConfigs.root().resolve("k8s").resolve(kustomization);

        List<JsonNode> ours = Kustomize.render(dir).stream().map(Resource::node).collect(Collectors.toList());
        List<JsonNode> kubectls = kubectlKustomize(dir);

        assertThat(ours).containsExactlyInAnyOrderElementsOf(kubectls);
    }

    @Test
    void patchesMergeContainersAndEnvByNameAndReplaceOtherLists(@TempDir Path dir) throws IOException {
        write(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          args: [a, b]
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                        - name: sidecar
                          image: side:1
                """);
        write(dir.resolve("kustomization.yaml"), """
                resources: [deployment.yaml]
                namespace: ns
                images: [{name: app, newName: registry/app, newTag: "2"}]
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: app}
                      spec:
                        template:
                          spec:
                            containers:
                              - name: app
                                args: [c]
                                env: [{name: B, value: "3"}, {name: C, value: "4"}]
                """);

        JsonNode deployment = Kustomize.render(dir).get(0).node();

        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("ns");
        JsonNode app = deployment.at("/spec/template/spec/containers/0");
        assertThat(app.path("image").asText()).isEqualTo("registry/app:2");
        assertThat(app.path("args").toString()).isEqualTo("[\"c\"]");
        // kustomize's order: the patch's entries first, then the ones it left alone
        assertThat(app.path("env").toString())
                .isEqualTo("[{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"},{\"name\":\"A\",\"value\":\"1\"}]");
        assertThat(deployment.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("side:1");
    }

    @Test
    void customResourcesReplaceListsAndNullRemovesAKey(@TempDir Path dir) throws IOException {
        write(dir.resolve("pool.yaml"), """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: broker}
                spec:
                  roles: [broker]
                  storage: {type: jbod, volumes: [{id: 0, size: 1Gi}, {id: 1, size: 1Gi}]}
                  jvmOptions: {"-Xmx": 1g}
                """);
        write(dir.resolve("kustomization.yaml"), """
                resources: [pool.yaml]
                patches:
                  - target: {kind: KafkaNodePool}
                    patch: |-
                      apiVersion: kafka.strimzi.io/v1
                      kind: KafkaNodePool
                      metadata: {name: any}
                      spec:
                        storage: {volumes: [{id: 0, size: 5Gi}]}
                        jvmOptions: null
                """);

        JsonNode pool = Kustomize.render(dir).get(0).node();

        assertThat(pool.at("/spec/storage").toString())
                .isEqualTo("{\"type\":\"jbod\",\"volumes\":[{\"id\":0,\"size\":\"5Gi\"}]}");
        assertThat(pool.at("/spec").has("jvmOptions")).isFalse();
        assertThat(pool.at("/metadata/name").asText()).isEqualTo("broker");
    }

    @Test
    void refusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
        write(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {a: b}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("'commonLabels'");
    }

    @Test
    void refusesAPatchThatMatchesNothing(@TempDir Path dir) throws IOException {
        write(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write(dir.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - patch: |-
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: b}
                      data: {x: y}
                """);

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("ConfigMap/b matches no resource");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<JsonNode> kubectlKustomize(Path dir) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, err).isZero();
        Path file = Files.createTempFile("kustomize", ".yaml");
        try {
            Files.write(file, out);
            return new ArrayList<>(YamlFiles.documents(file));
        } finally {
            Files.delete(file);
        }
    }
}
