package io.tickstock.stack.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.stack.layout.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Read against the real k8s/base: the local stack's sizing is what the manifests say, whatever they say next. */
class K8sManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("tickstock.root", ".."));
    private final K8sManifests manifests = new K8sManifests(ROOT);

    @ParameterizedTest
    @CsvSource({"processor, 1280, 500m", "gateway, 512, 500m", "ingest, 512, 250m", "kafka, 4096, 1"})
    void eachComponentsMemoryLimitAndCpuRequestAreItsWorkloads(String component, long limitMib, String cpu) {
        assertThat(manifests.memoryLimitMib(component)).isEqualTo(limitMib);
        assertThat(manifests.resource(component, "requests", "cpu")).hasValue(cpu);
    }

    @Test
    void aQuantityTheManifestDoesNotSetIsAbsent() {
        assertThat(manifests.resource("processor", "limits", "cpu")).isEmpty();
        assertThat(manifests.resource("kafka", "limits", "cpu")).isEmpty();
    }

    @Test
    void theBrokersSizingIsThatOfStrimzisBrokerPoolNotTheControllers() {
        // the controller pool (1Gi) comes first in kafka.yaml
        assertThat(manifests.resource("kafka", "requests", "memory")).hasValue("4Gi");
        assertThat(manifests.kafkaHeapOptions()).containsExactly("-Xms2g", "-Xmx2g");
    }

    @ParameterizedTest
    @CsvSource({"PROCESSOR, 30", "GATEWAY, 50", "INGEST, 50"})
    void theHeapShareIsTheConfigMapsJavaMaxMemRatio(Service service, int percent) {
        assertThat(manifests.heapPercent(service)).isEqualTo(percent);
    }

    @Test
    void aComponentWithoutManifestIsNamed() {
        assertThatThrownBy(() -> manifests.memoryLimitMib("prometheus")).hasMessageContaining("'prometheus'");
    }
}
