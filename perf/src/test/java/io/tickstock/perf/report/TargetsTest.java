package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.DedupReport;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §9's table judged from runs: each row at, below and above its thresholds. */
class TargetsTest {

    private static Targets.Row row(List<Recorded<RunResult>> runs, String measureStart) {
        return Targets.evaluate(runs).stream().filter(r -> r.measure().startsWith(measureStart)).findFirst()
                .orElseThrow();
    }

    @Test
    void tickLatencyMeetsTheMustBelow50msAndTheAimAt10msAndThreeTimesKafka() {
        Runs surge = new Runs();
        surge.latency.put("tick", Runs.p(49.9));
        Targets.Row row = row(Runs.recorded(surge.build()), "tick event latency");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);

        surge.latency.put("tick", Runs.p(50));
        assertThat(row(Runs.recorded(surge.build()), "tick").mustMet()).isEqualTo(Targets.Verdict.MISSED);

        surge.latency.put("tick", Runs.p(10));
        surge.baseline = new RunResult.Baseline(RunResult.Baseline.IN_PROCESS, Runs.kafka(3), null, 3.0, null);
        assertThat(row(Runs.recorded(surge.build()), "tick").aimMet()).isEqualTo(Targets.Verdict.MET);
        surge.baseline = new RunResult.Baseline(RunResult.Baseline.IN_PROCESS, Runs.kafka(3), null, 3.1, null);
        assertThat(row(Runs.recorded(surge.build()), "tick").aimMet())
                .as("≤ 10 ms but more than 3× Kafka's p99").isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void theBurstIsJudgedByItsWorstCompleteBurst() {
        Runs burst = new Runs();
        burst.scenario = "ohlcv_burst";
        burst.bursts.addAll(List.of(new BarBursts.Burst(60_000, 8_000, 0, 100, 50, 50, 900),
                new BarBursts.Burst(120_000, 8_000, 0, 100, 50, 50, 1_101),
                new BarBursts.Burst(180_000, 8_000, 0, 100, 50, 49, 90_000)));

        Targets.Row row = row(Runs.recorded(burst.build()), "OHLCV minute burst");

        assertThat(row.measured()).startsWith("worst 1,001 ms");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void theHighestRateIsTheLastGoodStepWithEveryStepBeforeItGood() {
        Runs ramp = new Runs();
        ramp.scenario = "ramp";
        ramp.phases.clear();
        for (int m : new int[] {1, 2, 4, 6}) {
            ramp.phases.add(new RunResult.PhaseConfig(m, 60));
        }
        ramp.steps.addAll(List.of(Runs.step(1, 1, true), Runs.step(2, 2, true), Runs.step(3, 4, false),
                Runs.step(4, 6, true)));

        Targets.Row row = row(Runs.recorded(ramp.build()), "highest sustained");

        assertThat(row.measured()).startsWith("104,000/min (step x2");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);

        ramp.steps.set(0, Runs.step(1, 1, false));
        assertThat(row(Runs.recorded(ramp.build()), "highest sustained").measured()).startsWith("none");
    }

    @Test
    void aRampWhoseEveryStepWasGoodReportsALowerBound() {
        Runs ramp = new Runs();
        ramp.scenario = "ramp";
        ramp.phases.clear();
        ramp.phases.add(new RunResult.PhaseConfig(1, 60));
        ramp.phases.add(new RunResult.PhaseConfig(20, 60));
        ramp.steps.addAll(List.of(Runs.step(1, 1, true), Runs.step(2, 20, true)));

        Targets.Row row = row(Runs.recorded(ramp.build()), "highest sustained");

        assertThat(row.measured()).startsWith("≥ 1,040,000/min");
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MET);
    }

    @Test
    void memoryIsTheThreeServicesTogetherAtOneMoment() {
        Runs surge = new Runs();
        surge.rssPeak = 768;
        assertThat(row(Runs.recorded(surge.build()), "resident memory").aimMet())
                .isEqualTo(Targets.Verdict.MET);
        surge.rssPeak = 2_048;
        assertThat(row(Runs.recorded(surge.build()), "resident memory").mustMet())
                .isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void dedupIsExactOnlyWhenEveryRunDroppedExactlyTheInjectedCopiesAndCommittedNoIdTwice() {
        Runs exact = new Runs();
        assertThat(row(Runs.recorded(exact.build()), "dedup").mustMet()).isEqualTo(Targets.Verdict.MET);

        Runs twice = new Runs();
        twice.repeatedIds = 1;
        assertThat(row(Runs.recorded(exact.build(), twice.build()), "dedup").mustMet())
                .isEqualTo(Targets.Verdict.MISSED);

        Runs miscounted = new Runs();
        miscounted.checks.set(0, new RunResult.Check("processor duplicates (tick) = injected", "10", "9", false, "…"));
        assertThat(row(Runs.recorded(miscounted.build()), "dedup").measured()).startsWith("NOT 100%");
    }

    @Test
    void fanoutNeedsAThousandIntactClientsOverItsGroupsEachWithinTheLimit() {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.groups.add(Runs.group("movers", 100, 100, 49));
        fanout.groups.add(Runs.group("watchlists", 900, 900, 20));
        assertThat(row(Runs.recorded(fanout.build()), "WebSocket clients").aimMet())
                .isEqualTo(Targets.Verdict.MET);
        assertThat(row(Runs.recorded(fanout.build()), "WebSocket clients").measured())
                .startsWith("1,000 clients, 1,000 intact");

        fanout.groups.set(2, Runs.group("watchlists", 900, 899, 20));
        assertThat(row(Runs.recorded(fanout.build()), "WebSocket clients").aimMet())
                .isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void theGatewaysCostIsItsDeliveriesPerSecondOfItsOwnCpu() {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.gateway.put("sent", 3_000_000L);
        fanout.gateway.put("cpuMillis", 1_000L);
        Targets.Row row = row(Runs.recorded(fanout.build()), "gateway deliveries");
        assertThat(row.measured()).startsWith("3,000,000 (3,000,000 deliveries in 1.0 s");
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MET);

        fanout.gateway.put("cpuMillis", 2_000L);
        assertThat(row(Runs.recorded(fanout.build()), "gateway deliveries").aimMet())
                .isEqualTo(Targets.Verdict.MISSED);
        Runs unmeasured = new Runs();
        unmeasured.scenario = "fanout";
        assertThat(row(Runs.recorded(unmeasured.build()), "gateway deliveries").aimMet())
                .isEqualTo(Targets.Verdict.NOT_MEASURED);
    }

    @Test
    void aDedupRunWithoutTheProcessorsDuplicateChecksIsNotExact() {
        Runs unchecked = new Runs();
        unchecked.checks.clear();

        Targets.Row row = row(Runs.recorded(unchecked.build()), "dedup");

        assertThat(row.mustMet()).as("no check is no proof").isEqualTo(Targets.Verdict.MISSED);
        assertThat(row.measured()).startsWith("NOT 100%: market_open_surge of 2026-11-27 16:24 UTC has no "
                + "processor-duplicate check");
    }

    @Test
    void aFailedRunCountsAgainstDedupButNeverForIt() {
        Runs failed = new Runs();
        failed.verdict = RunResult.FAILED;
        assertThat(row(Runs.recorded(failed.build()), "dedup").mustMet()).isEqualTo(Targets.Verdict.NOT_MEASURED);

        Runs passed = new Runs();
        failed.repeatedIds = 2;
        Targets.Row row = row(Runs.recorded(passed.build(), failed.build()), "dedup");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MISSED);
        assertThat(row.measured()).contains("(1 FAILED runs not counted for it)");
    }

    @Test
    void aFailedRunsFiguresMeetNoTarget() {
        Runs surge = new Runs();
        surge.latency.put("tick", Runs.p(5));
        surge.baseline = new RunResult.Baseline(RunResult.Baseline.IN_PROCESS, Runs.kafka(3), null, 1.0, null);
        surge.verdict = RunResult.FAILED;

        Targets.Row row = row(Runs.recorded(surge.build()), "tick event latency");

        assertThat(row.latest().orElseThrow().judged().must()).as("its figures alone").isEqualTo(Targets.Verdict.MET);
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MISSED);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);
        assertThat(row.notes()).contains("the latest run FAILED: its figures meet no target");
    }

    @Test
    void theLatestRunDecidesAndTheWorstAndBestOnRecordStandBesideIt() {
        Runs best = surge(0, 20);
        Runs worst = surge(1, 90);
        Runs latest = surge(2, 40);

        Targets.Row row = row(Runs.recorded(best.build(), worst.build(), latest.build()), "tick event latency");

        assertThat(row.latest().orElseThrow().judged().figure()).isEqualTo(40);
        assertThat(row.worst().orElseThrow().judged().figure()).isEqualTo(90);
        assertThat(row.best().orElseThrow().judged().figure()).isEqualTo(20);
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.notes()).containsExactly("must met by the latest run (2026-11-27 18:24 UTC, PASSED)",
                "the latest run is worse than the run of 2026-11-27 16:24 UTC, PASSED (p99 20.0 ms)");
    }

    @Test
    void aTargetMetOnlyBeforeTheLatestRunIsNotMetAndSaysWhichRunMetIt() {
        Runs met = surge(0, 30);
        Runs failedButFast = surge(1, 10);
        failedButFast.verdict = RunResult.FAILED;
        Runs latest = surge(2, 70);

        Targets.Row row = row(Runs.recorded(met.build(), failedButFast.build(), latest.build()), "tick event latency");

        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MISSED);
        assertThat(row.best().orElseThrow().run().result().verdict()).as("ranked by figures, verdict shown")
                .isEqualTo(RunResult.FAILED);
        assertThat(row.notes()).contains("must met earlier by the run of 2026-11-27 16:24 UTC, PASSED (p99 30.0 ms), "
                + "not by the latest");
    }

    @Test
    void runsKeptApartFromTheScenariosRecordAreNotItsTargets() {
        Runs flood = surge(1, 200_000);
        List<Recorded<RunResult>> runs = List.of(Runs.recorded(surge(0, 30).build()).get(0),
                new Recorded<>(Path.of("flood/market_open_surge-x20.json"), "flood", flood.build()));

        Targets.Row row = row(runs, "tick event latency");

        assertThat(row.latest().orElseThrow().judged().figure()).isEqualTo(30);
        assertThat(row.worst().orElseThrow().judged().figure()).isEqualTo(30);
    }

    private static Runs surge(int hour, double tickP99) {
        Runs surge = new Runs();
        surge.startedAt = Runs.START + hour * 3_600_000L;
        surge.latency.put("tick", Runs.p(tickP99));
        return surge;
    }

    @Test
    void aScenarioNotRunYetIsNotMeasured() {
        assertThat(Targets.evaluate(List.of())).allSatisfy(row -> assertThat(row.mustMet())
                .isIn(Targets.Verdict.NOT_MEASURED, Targets.Verdict.NONE));
    }

    @Test
    void theDedupRowIsJudgedByTheLatestRunWithRestartsWhenThereIsOne() {
        Runs surge = new Runs();
        List<Recorded<RunResult>> runs = Runs.recorded(surge.build());
        DedupReport.Channel clean = new DedupReport.Channel("tick", Map.of("T", 100L), 100, 95, 5, 5, 0, 0, 40, 0, 0,
                38, 0, 0, 2L, 0L, 0L);
        DedupReport.Channel falseDrop = new DedupReport.Channel("tick", Map.of("T", 100L), 100, 95, 5, 5, 0, 0, 39, 0,
                0, 38, 1, 0, 2L, 0L, 0L);

        Targets.Row passed = dedupRow(runs, dedupRun(Runs.START, clean, List.of()));
        Targets.Row failed = dedupRow(runs, dedupRun(Runs.START, clean, List.of()),
                dedupRun(Runs.START + 60_000, falseDrop, List.of("tick: 1 of 38 reference events not committed")));

        assertThat(passed.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(passed.measured()).startsWith("100%, 0 false drops: `chaos dedup`")
                .contains("tick 5 repeats dropped of 5 injected, 0 ids twice, 0 events from repeats, 0 missing / 0 "
                        + "extra of 40 compared");
        assertThat(failed.mustMet()).as("the latest run decides").isEqualTo(Targets.Verdict.MISSED);
        assertThat(failed.measured()).startsWith("NOT 100%").contains("1 missing / 0 extra of 40 compared")
                .contains("tick: 1 of 38 reference events not committed");
        assertThat(passed.command()).isEqualTo("./tickstock chaos dedup");
        assertThat(row(runs, "dedup").measured()).as("without a run with restarts").contains("restarts are not part");
        assertThat(row(runs, "dedup").command()).startsWith("./tickstock perf ");
    }

    @SafeVarargs
    private static Targets.Row dedupRow(List<Recorded<RunResult>> runs, Recorded<ChaosResult>... chaos) {
        return Targets.evaluate(runs, List.of(chaos)).stream().filter(r -> r.measure().startsWith("dedup"))
                .findFirst().orElseThrow();
    }

    private static Recorded<ChaosResult> dedupRun(long startedAt, DedupReport.Channel channel, List<String> failures) {
        ChaosResult run = new ChaosResult("dedup", "", startedAt, 300, failures.isEmpty() ? ChaosResult.PASSED
                : ChaosResult.FAILED, failures.stream().map(f -> "dedup: " + f).toList(), List.of(), null, null,
                null, List.of(), 0, List.of(), Map.of(), null, List.of(), Map.of(), null,
                new DedupReport(List.of(channel), "the packaged processor once more", List.of(), failures));
        return new Recorded<>(Path.of("chaos/dedup-" + startedAt + ".json"), "chaos", run);
    }
}
