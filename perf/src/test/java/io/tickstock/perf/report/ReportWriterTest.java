package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.measure.ContainerMemory;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.ResultFiles;
import io.tickstock.perf.result.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void aResultWrittenIsReadBackWhole() {
        Runs ramp = new Runs();
        ramp.scenario = "ramp";
        Path rampFile = ResultFiles.write(dir, ramp.build());

        assertThat(rampFile.getFileName().toString()).isEqualTo("ramp-20261127-162400.json");
        assertThat(ResultFiles.read(rampFile)).usingRecursiveComparison().ignoringFields("machine")
                .isEqualTo(ramp.build());
        assertThat(ResultFiles.runs(dir)).extracting(r -> r.result().scenario()).containsExactly("ramp");
    }

    @Test
    void theReportJudgesSpecTargetsAndShowsEveryRunWithItsChartsAndAccounts() throws Exception {
        Runs surge = new Runs();
        surge.latency.put("tick", Runs.p(41.5));
        Runs burst = new Runs();
        burst.scenario = "ohlcv_burst";
        burst.bursts.add(new BarBursts.Burst(Runs.START, 8_000, 0, 150, 60, 60, 1_650));
        burst.verdict = RunResult.FAILED;
        burst.failures.add("tick: 1 lost, 0 duplicated, 0 unexpected of 100 owed");
        Path report = ReportWriter.write(Runs.recorded(surge.build(), burst.build()), dir);
        String md = Files.readString(report);

        assertThat(md).contains("| tick event latency p99, ingest accepted → WebSocket client received | < 50 ms |")
                .contains("p99 41.5 ms").contains("worst 1,500 ms");
        assertThat(md).contains("| steady_state | not run yet |");
        assertThat(md).contains("**FAILED**").contains("- **failed**: tick: 1 lost");
        assertThat(md).contains("## What the integrity check proves, and what it does not");
        assertThat(md).contains("![market_open_surge-latency.svg](market_open_surge-latency.svg)");
        for (String chart : List.of("latency", "throughput", "memory", "cpu")) {
            Path svg = dir.resolve("market_open_surge-" + chart + ".svg");
            assertThat(svg).exists();
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Files.readString(svg).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aFanoutShowsEachGroupsShareOfTheGatewayTheStalledClientsEndAndTheCostPerDelivery() throws Exception {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.groups.add(Runs.group("movers", 100, 100, 40));
        fanout.clients.add(new RunResult.ClientResult("stalled", "*.*", true, 0, 0, 0, 0, -1, List.of(),
                new IntegrityReport("stalled", 100, 0, 100, 0, 0, 0, 0, List.of(), List.of(), List.of()), Runs.p(0), 52_500L));
        fanout.gateway.put("sent", 3_000_000L);
        fanout.gateway.put("cpuMillis", 40_000L);

        String md = Files.readString(ReportWriter.write(Runs.recorded(fanout.build()), dir));

        assertThat(md).contains("| movers | 100 | 1.5 / 3.0 / 3.6 / 4.5 ms | 1,000 | 5 of 5 | 400 / 900 ms | 100 / 300 ms |")
                .contains("its connection was gone 52.5 s later")
                .contains("3,000,000 events to clients in 40.0 s of its own CPU time: 75,000 deliveries per gateway "
                        + "CPU-second")
                .contains("| gateway deliveries per gateway CPU-second | — | ≥ 2,000,000 | [fanout](#fanout), 2026-11-27 16:24 "
                        + "UTC, PASSED: 75,000");
    }

    @Test
    void aFanoutSaysHowManyEventsAFrameCarriedAndWhatTheGatewayCostWithoutItsJitCompiler() throws Exception {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.gateway.put("sent", 3_000_000L);
        fanout.gateway.put("cpuMillis", 40_000L);
        fanout.gateway.put("frames", 600_000L);
        fanout.gateway.put("compilerCpuMillis", 10_000L);

        String md = Files.readString(ReportWriter.write(Runs.recorded(fanout.build()), dir));

        assertThat(md).contains("Of it: 600,000 frames of 5.0 events on average; the JIT compiler 10.0 s of the CPU "
                + "(100,000 deliveries per CPU-second without it).")
                .as("the target is judged on the whole CPU still")
                .contains("| gateway deliveries per gateway CPU-second | — | ≥ 2,000,000 | [fanout](#fanout), 2026-11-27 16:24 "
                        + "UTC, PASSED: 75,000");
    }

    @Test
    void aFanoutSaysInHowManyIntervalsTheGatewaysShareStayedWithinItsMust() throws Exception {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";

        String md = Files.readString(ReportWriter.write(Runs.recorded(fanout.build()), dir));

        assertThat(md).contains("The gateway's read → the client's read, every client, p99 of each 5 s: median 30.0 ms, "
                + "worst 30.0 ms; within 20 ms in 1 of 2 intervals.");
    }

    @Test
    void aRunComparesItsTickP99WithKafkasIntervalByInterval() throws Exception {
        Runs surge = new Runs();

        String md = Files.readString(ReportWriter.write(Runs.recorded(surge.build()), dir));

        assertThat(md).as("25 over 3 ms, then 35 over 5 ms").contains("Interval by interval, tick p99 over Kafka's "
                + "p99 in each 5 s: median 8.3×, worst 8.3×; ≤ 3 × in 0 of 2 intervals (SPEC §9's aim).");
    }

    @Test
    void aFailedRunStaysVisibleNextToTheRerunThatPassed() throws Exception {
        Runs failed = new Runs();
        failed.scenario = "fanout";
        failed.verdict = RunResult.FAILED;
        failed.failures.addAll(List.of("tick: 12 lost of 100 owed", "3 clients of 'fanout' failed"));
        Runs rerun = new Runs();
        rerun.scenario = "fanout";
        rerun.startedAt = Runs.START + 3_600_000;

        String md = Files.readString(ReportWriter.write(Runs.recorded(failed.build(), rerun.build()), dir));

        assertThat(md).contains("| 2026-11-27 16:24 UTC | `fanout-" + Runs.START + ".json` | **FAILED**: tick: 12 lost of "
                + "100 owed (and 1 more); passed again by `fanout-" + (Runs.START + 3_600_000) + ".json` |")
                .contains("| 2026-11-27 17:24 UTC | `fanout-" + (Runs.START + 3_600_000) + ".json` | PASSED |")
                .contains("| 2, **1 FAILED** |");
    }

    @Test
    void aFailureNotPassedSinceSaysSo() throws Exception {
        Runs passed = new Runs();
        Runs failed = new Runs();
        failed.startedAt = Runs.START + 60_000;
        failed.verdict = RunResult.FAILED;

        String md = Files.readString(ReportWriter.write(Runs.recorded(passed.build(), failed.build()), dir));

        assertThat(md).contains("| **FAILED**; **not passed again since** |")
                .contains("the latest run FAILED: its figures meet no target");
    }

    @Test
    void aRunWithOtherSettingsThanTheDefaultsIsFlagged() throws Exception {
        Runs plain = new Runs();
        Runs other = new Runs();
        other.startedAt = Runs.START + 60_000;
        other.arguments = "--minutes 3";
        other.warmupSeconds = 30;
        other.stack = "a fresh stack started for this run (injected duplicates 0.05, Kubernetes memory sizing), JFR on";

        String md = Files.readString(ReportWriter.write(Runs.recorded(plain.build(), other.build()), dir));

        assertThat(md).contains("| 0 / 0 / 0 | defaults |")
                .contains("| **`--minutes 3`, latency warm-up 30 s, default 15 s, Kubernetes sizing (`--limits`), "
                        + "JFR on** |");
    }

    @Test
    void runsKeptApartAreInTheirScenariosHistoryAndRunsOfOtherScenariosAreListed() throws Exception {
        Runs surge = new Runs();
        Runs flood = new Runs();
        flood.startedAt = Runs.START + 60_000;
        Runs smoke = new Runs();
        smoke.scenario = "smoke";
        List<Recorded<RunResult>> runs = new ArrayList<>(Runs.recorded(surge.build(), smoke.build()));
        runs.add(new Recorded<>(Path.of("flood/market_open_surge-x20.json"), "flood", flood.build()));

        String md = Files.readString(ReportWriter.write(runs, dir));

        assertThat(md).contains("| `flood/market_open_surge-x20.json` | PASSED |")
                .contains("## Other runs").contains("| `smoke-" + Runs.START + ".json` | PASSED |")
                .as("the scenario's record decides").contains("| [market_open_surge](#market_open_surge) | 2026-11-27 "
                        + "16:24 UTC |");
    }

    @Test
    void theJitsShareIsInTheResourcesAndSummedUpForTheFirstMinute() throws Exception {
        String md = Files.readString(ReportWriter.write(Runs.recorded(new Runs().build()), dir));

        assertThat(md).contains("| CPU avg | of it JIT, avg |").contains("| 90 % | 45 % | 12 % |")
                .contains("The JIT compilers in the first 60 s of input, average % of a core: processor 11 %; "
                        + "together 6 % of the machine (2 cores;");
    }

    @Test
    void aRunInContainersShowsEachLimitWithThePeakUnderItAndWhetherItKilled() throws Exception {
        Runs inContainers = new Runs();
        inContainers.container = new ContainerMemory.Summary(512, 498, false);
        String md = Files.readString(ReportWriter.write(Runs.recorded(inContainers.build()), dir));
        Runs killed = new Runs();
        killed.container = new ContainerMemory.Summary(512, 512, true);
        String killedMd = Files.readString(ReportWriter.write(Runs.recorded(killed.build()), dir));

        assertThat(md).contains("Memory under the container limits")
                .contains("| processor | 512 MB | 498 MB | 310 MB | 61 % | no |");
        assertThat(killedMd).contains("| processor | 512 MB | 512 MB | 310 MB | 61 % | **yes** |");
        assertThat(Files.readString(ReportWriter.write(Runs.recorded(new Runs().build()), dir)))
                .as("processes have no container limit to show").doesNotContain("container limits");
    }

    @Test
    void aRampSaysHowManyOfItsPlannedStepsRanAndForHowLong() throws Exception {
        Runs ramp = new Runs();
        ramp.scenario = "ramp";
        ramp.phases.clear();
        for (int i = 0; i < 11; i++) {
            ramp.phases.add(new RunResult.PhaseConfig(i + 1, 60));
        }
        ramp.steps.add(Runs.step(1, 1, false));
        ramp.steps.add(new RunResult.Step(2, 2, 5.4, 100_000, 104_000, Runs.p(20), Runs.p(80), 10, 0, 0, false,
                "p99 80.0 ms > 50 ms"));

        String md = Files.readString(ReportWriter.write(Runs.recorded(ramp.build()), dir));

        assertThat(md).contains("steps ×1, ×2, ×3, ×4, ×5, ×6, ×7, ×8, ×9, ×10, ×11 of 60 s planned; ran 2 of them, "
                + "65 s of input").contains("| market_open_surge, 1.1 min, ");
    }

    @Test
    void theBaselineIsKafkasOwnLatencyThroughTheRunWithTheProbesCostAndTheSimulatorsLag() throws Exception {
        String md = Files.readString(ReportWriter.write(Runs.recorded(new Runs().build()), dir));

        assertThat(md).contains("(the in-process probe: a message every 50 ms, acks=all, produced → consumed): p50 "
                + "2.00 ms, p99 4.00 ms").contains("0 lost (not back within 10 s). Its own CPU: 1.00 % of a core. Our "
                + "tick p99 is 7.5× Kafka's p99.")
                .contains("The simulator behind its schedule (sampled each second of the input, 300 samples): p50 0 "
                        + "ms, p99 2 ms, max 5 ms; its own maximum over every message it sent: 12 ms.");
        assertThat(Files.readString(dir.resolve("market_open_surge-latency.svg"))).contains("Kafka p99")
                .contains("tick p99 from schedule");
    }

    @Test
    void aRunFromBeforeTheProbeShowsWhatEndToEndLatencyPrinted() throws Exception {
        Runs old = new Runs();
        old.baseline = new RunResult.Baseline(null, null, new RunResult.Baseline.EndToEndLatency(
                "tickstock.perf.baseline", 5_000, 200, 1.85, 1, 10, 23, "…"), 200.4, null);

        String md = Files.readString(ReportWriter.write(Runs.recorded(old.build()), dir));

        assertThat(old.baseline.source()).isEqualTo("EndToEndLatency");
        assertThat(md).contains("Kafka's own `EndToEndLatency` on the same broker for ~10 s of the run")
                .contains("p99 10 ms, p99.9 23 ms. Our tick p99 is 200.4× Kafka's p99")
                .contains("Kafka's p99 10.0 ms (EndToEndLatency): 200.4×");
    }
}
