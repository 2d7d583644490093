package io.tickstock.stack.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.stack.layout.Service;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void locallyTheProcessorRunsTheSerialCollectorInA128MbHeapWithTheJitBehindServing() {
        List<String> expected = new ArrayList<>(List.of("-Xmx128m", "-XX:+UseSerialGC", "-Xmn32m"));
        if (JvmOptions.nativeHeapTrimSupported()) {
            expected.add("-XX:TrimNativeHeapInterval=5000");
        }
        expected.addAll(List.of("-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=10"));

        assertThat(JvmOptions.of(Sizing.LOCAL, Service.PROCESSOR, K8sManifestsTest.ROOT)).isEqualTo(expected);
    }

    @Test
    void locallyTheGatewayAndIngestGet256MbAndTheDefaultCollector() {
        for (Service service : List.of(Service.GATEWAY, Service.INGEST)) {
            assertThat(JvmOptions.of(Sizing.LOCAL, service, K8sManifestsTest.ROOT)).startsWith("-Xmx256m")
                    .doesNotContain("-XX:+UseSerialGC").endsWith("-XX:CompilerThreadPriority=10");
        }
    }

    @Test
    void withTheKubernetesSizingTheHeapIsTheImagesShareOfTheManifestsLimit() {
        assertThat(JvmOptions.of(Sizing.K8S, Service.PROCESSOR, K8sManifestsTest.ROOT)).containsExactly(
                "-XX:MaxRAM=1280m", "-XX:MaxRAMPercentage=30", "-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4", "-XX:AdaptiveSizePolicyWeight=90",
                "-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=10");
        assertThat(JvmOptions.of(Sizing.K8S, Service.GATEWAY, K8sManifestsTest.ROOT))
                .startsWith("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=50");
    }

    @Test
    void theNativeHeapTrimIsAskedOfThisJvm() {
        // 17.0.9 and later have it
        Runtime.Version version = Runtime.version();
        boolean expected = version.feature() > 17 || version.update() >= 9;
        assertThat(JvmOptions.nativeHeapTrimSupported()).isEqualTo(expected);
    }
}
