package io.tickstock.perf.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChaosResultTest {

    @Test
    void anOldRunThatReadPassedWithItsProcessorBackTooLateDidNotPass() {
        ChaosResult run = ResultFiles.read(Path.of("results/chaos/all-20261127-200449.json"), ChaosResult.class);

        assertThat(run.verdict()).isEqualTo(ChaosResult.PASSED);
        assertThat(run.passed()).isFalse();
        assertThat(run.missedTargets()).singleElement().asString()
                .startsWith("processor ready again after kill -9, worst of 7 (SPEC §10): expected ≤ 10000 ms, "
                        + "found 31651 ms");
    }

    @Test
    void aRunWithinEveryTargetPasses() {
        ChaosResult run = ResultFiles.read(Path.of("results/chaos/kill-20261207-043741.json"), ChaosResult.class);

        assertThat(run.missedTargets()).isEmpty();
        assertThat(run.passed()).isTrue();
    }
}
