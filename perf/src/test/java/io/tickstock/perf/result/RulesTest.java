package io.tickstock.perf.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTest {

    @TempDir
    Path results;

    private static RunRules perf(Duration warmup, boolean steadyState, List<String> configured) {
        return Rules.perfRun(warmup, Rules.TICK_P99_MUST_MILLIS, Duration.ofSeconds(300), steadyState, configured);
    }

    @Test
    void aRunWithTheDefaultsDiffersInNothing() {
        assertThat(Rules.differences(perf(Duration.ofSeconds(15), true, List.of()))).isEmpty();
        assertThat(Rules.unknown(perf(Duration.ofSeconds(15), true, List.of()))).isEmpty();
        assertThat(Rules.differences(Rules.chaosRun(Duration.ofSeconds(20), Duration.ofSeconds(3),
                Duration.ofSeconds(12), Duration.ofSeconds(30), Duration.ofSeconds(180), Duration.ofSeconds(300))))
                .isEmpty();
    }

    @Test
    void eachSettingOffItsDefaultAndEachStackOverrideIsADifference() {
        RunRules rules = perf(Duration.ofSeconds(30), false, List.of("TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000"));

        assertThat(Rules.differences(rules)).containsExactly("latency warm-up 30 s, default 15 s",
                "stack configured TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000");
        assertThat(Rules.differences(Rules.chaosRun(Duration.ofSeconds(20), Duration.ofSeconds(3),
                Duration.ofSeconds(12), Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(300))))
                .containsExactly("the healthy timeout 600 s, default 180 s",
                        "the broker's outage 60 s, default 30 s");
    }

    @Test
    void aStackTheRunDidNotStartHasNoRecordedConfiguration() {
        assertThat(RunRules.configuredIn("a fresh stack started for this run (injected duplicates 0.05), configured: "
                + "A=1 B=2")).containsExactly("A=1", "B=2");
        assertThat(RunRules.configuredIn("a fresh stack started for this run (injected duplicates 0.05)")).isEmpty();
        assertThat(RunRules.configuredIn("the running stack (reused as it was)")).isNull();
        assertThat(Rules.unknown(perf(Duration.ofSeconds(15), false, null)))
                .containsExactly("the stack's configuration");
    }

    @Test
    void anOldResultIsJudgedByWhatItsConfigurationSaysAndTheRestIsUnknown() {
        RunResult old = ResultFiles.read(Path.of("results/steady_state-20261127-225507.json"));

        RunRules rules = old.judgedBy();

        assertThat(old.rules()).isNull();
        assertThat(rules.settings()).containsEntry("warmupSeconds", 15.0).containsEntry("stepP99Millis", 50.0)
                .containsEntry("drainTimeoutSeconds", null).containsEntry("soak.warmupSeconds", null);
        assertThat(Rules.differences(rules)).containsExactly("stack configured TICKSTOCK_GATEWAY_REPEAT_WINDOW=15000");
        assertThat(Rules.unknown(rules)).contains("the processor's drain timeout", "the soak's warm-up")
                .doesNotContain("latency warm-up", "the stack's configuration");
        ChaosResult chaos = ResultFiles.read(Path.of("results/chaos/kill-20261127-194443.json"), ChaosResult.class);
        assertThat(chaos.judgedBy().settings()).containsEntry("brokerOutageSeconds", 30.0)
                .containsEntry("healthyTimeoutSeconds", null);
    }

    @Test
    void recordedRulesSurviveTheResultFile() throws IOException {
        RunRules rules = perf(Duration.ofSeconds(20), true, List.of("X=1"));
        RunResult old = ResultFiles.read(Path.of("results/market_open_surge-20261207-052415.json"));
        RunResult run = new RunResult(old.scenario(), old.startedAt(), old.startedAtMillis(), old.seconds(),
                old.verdict(), old.failures(), old.notes(), old.configuration(), old.machine(), old.input(),
                old.latency(), old.baseline(), old.bursts(), old.clients(), old.groups(), old.topic(),
                old.reconciliation(), old.resources(), old.servicesRssPeakMb(), old.gateway(), old.timeline(),
                old.steps(), rules);

        Path file = ResultFiles.write(results, run);
        RunResult read = ResultFiles.read(file);

        assertThat(Files.readString(file)).contains("\"rules\"", "\"warmupSeconds\" : 20.0")
                .doesNotContain("judgedBy", "shortfall");
        assertThat(read.rules()).isEqualTo(rules);
        assertThat(read.judgedBy()).isEqualTo(rules);
    }

    @Test
    void aChangedDefaultIsToldAgainstTheRunsStart() {
        long soakStart = Instant.parse("2026-11-27T22:55:07Z").toEpochMilli();
        long firstSoakStart = Instant.parse("2026-11-27T20:00:55.439Z").toEpochMilli();

        assertThat(Rules.changesOf("soak.warmupSeconds", soakStart)).containsExactly("soak.warmupSeconds was 600 "
                + "until 2026-11-27T22:43:56Z (2da216f), 11 min before the run started");
        assertThat(Rules.changesOf("soak.warmupSeconds", firstSoakStart)).singleElement()
                .asString().endsWith("163 min after the run started");
        assertThat(Rules.changesOf("soak.windowSeconds", soakStart)).isEmpty();
    }

    @Test
    void theRampsStepLimitIsTheTickMustWithItsBound() {
        assertThat(Rules.STEP_P99_MILLIS).isEqualTo("50");
        assertThat(Rules.TICK_P99_MUST.text()).isEqualTo("< 50 ms");
    }
}
