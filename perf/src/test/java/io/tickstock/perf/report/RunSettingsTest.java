package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.ChaosResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's settings against the defaults: each difference named, the defaults none. */
class RunSettingsTest {

    @Test
    void aRunAsTheHarnessRunsItByDefaultHasNoDifference() {
        assertThat(RunSettings.differences(new Runs().build())).isEmpty();
    }

    @Test
    void eachSettingOtherThanTheDefaultsIsNamed() {
        Runs run = new Runs();
        run.arguments = "--minutes 3";
        run.p99Limit = 100;
        run.warmupSeconds = 30;
        run.stack = "a fresh stack started for this run (injected duplicates 0.1, Kubernetes memory sizing), JFR on, "
                + "configured: TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000";

        assertThat(RunSettings.differences(run.build())).containsExactly("`--minutes 3`",
                "latency warm-up 30 s, default 15 s", "a ramp step's p99 limit 100 ms, default 50 ms",
                "stack configured TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000",
                "injected duplicates 0.1", "Kubernetes sizing (`--limits`)", "JFR on");
    }

    @Test
    void aReusedStackIsNamed() {
        Runs run = new Runs();
        run.stack = "the running stack (reused as it was)";

        assertThat(RunSettings.differences(run.build())).containsExactly("stack: the running stack (reused as it was)");
    }

    @Test
    void theKubernetesLimitsAreRecognizedFromTheStacksNoteOrTheCommandLine() {
        Runs local = new Runs();
        Runs noted = new Runs();
        noted.stack = "a fresh stack started for this run (injected duplicates 0.05, Kubernetes memory sizing)";
        Runs commanded = new Runs();
        commanded.arguments = "--limits";

        assertThat(RunSettings.underKubernetesLimits(local.build())).isFalse();
        assertThat(RunSettings.underKubernetesLimits(noted.build())).isTrue();
        assertThat(RunSettings.underKubernetesLimits(commanded.build())).isTrue();
    }

    @Test
    void aChaosRunNamesWhatItsCommandLineAddsAndSaysWhenItHasNone() {
        assertThat(RunSettings.differences(chaos("./tickstock chaos kill --limits --seed 8 "))).containsExactly(
                "`--limits --seed 8`");
        assertThat(RunSettings.differences(chaos("./tickstock chaos kill "))).isEmpty();
        assertThat(RunSettings.differences(chaos(null))).containsExactly("command line not recorded");
    }

    private static ChaosResult chaos(String command) {
        return new ChaosResult("kill", "", Runs.START, 60, ChaosResult.PASSED, List.of(), List.of(),
                new ChaosResult.Configuration("market_open_surge", 1, 21, 8, 30, "", "", command), null, null,
                List.of(), 0, List.of(), Map.of(), null, List.of(), Map.of(), null, null);
    }
}
