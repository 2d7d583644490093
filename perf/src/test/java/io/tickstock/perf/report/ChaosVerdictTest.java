package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chaos run read on everything it recorded: a missed target fails it, whatever verdict it recorded. */
class ChaosVerdictTest {

    private static final RunResult.Check NOTHING_LOST = new RunResult.Check("events lost, over all clients (SPEC §10)",
            "0", "0", true, "…");
    private static final RunResult.Check SLOW_PROCESSOR = new RunResult.Check("processor ready again after kill -9, "
            + "worst of 7 (SPEC §10)", "≤ 10000 ms", "11193 ms", false, "…");

    private static ChaosVerdict judged(String verdict, List<String> failures, List<RunResult.Check> targets) {
        return ChaosVerdict.of(new Recorded<>(Path.of("chaos/kill.json"), "chaos", new ChaosResult("kill", "",
                Runs.START, 60, verdict, failures, List.of(), null, null, null, List.of(), 0, List.of(), Map.of(),
                null, targets, Map.of(), null, null)));
    }

    @Test
    void anOldResultRecordedPassedWithAMissedRecoveryReadsFailedAndStaysIntact() {
        ChaosVerdict verdict = judged(ChaosResult.PASSED, List.of(), List.of(NOTHING_LOST, SLOW_PROCESSOR));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("processor ready again after kill -9, worst of 7 (SPEC §10): "
                + "expected ≤ 10000 ms, found 11193 ms (…)");
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.otherTargets()).containsExactly(SLOW_PROCESSOR);
    }

    @Test
    void aFailureTheRunRecordedIsNotRepeatedForItsTarget() {
        ChaosVerdict verdict = judged(ChaosResult.FAILED, List.of("processor ready again after kill -9, worst of 7 "
                + "(SPEC §10): 11193 ms"), List.of(NOTHING_LOST, SLOW_PROCESSOR));

        assertThat(verdict.failures()).hasSize(1);
    }

    @Test
    void aRunRecordedFailedWithoutAReasonStillFails() {
        assertThat(judged(ChaosResult.FAILED, List.of(), List.of(NOTHING_LOST)).failures())
                .containsExactly("recorded FAILED without a reason");
    }

    @Test
    void aRunWithoutIntegrityTargetsDoesNotShowIntegrity() {
        assertThat(judged(ChaosResult.PASSED, List.of(), List.of()).intact()).as("no check is no proof").isFalse();
        assertThat(judged(ChaosResult.PASSED, List.of(), List.of(new RunResult.Check("events lost", "0", "2", false,
                "…"))).intact()).isFalse();
    }
}
