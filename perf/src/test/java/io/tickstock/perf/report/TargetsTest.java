package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.expect.BarBursts;
import io.tickstock.perf.result.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §9's table judged from runs: each row at, below and above its thresholds. */
class TargetsTest {

    private static Targets.Row row(Map<String, RunResult> latest, String measureStart) {
        return Targets.evaluate(latest).stream().filter(r -> r.measure().startsWith(measureStart)).findFirst()
                .orElseThrow();
    }

    @Test
    void tickLatencyMeetsTheMustBelow50msAndTheAimAt10msAndThreeTimesKafka() {
        Runs surge = new Runs();
        surge.latency.put("tick", Runs.p(49.9));
        Targets.Row row = row(Map.of("market_open_surge", surge.build()), "tick event latency");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);

        surge.latency.put("tick", Runs.p(50));
        assertThat(row(Map.of("market_open_surge", surge.build()), "tick").mustMet()).isEqualTo(Targets.Verdict.MISSED);

        surge.latency.put("tick", Runs.p(10));
        surge.baseline = new RunResult.Baseline(RunResult.Baseline.IN_PROCESS, Runs.kafka(3), null, 3.0, null);
        assertThat(row(Map.of("market_open_surge", surge.build()), "tick").aimMet()).isEqualTo(Targets.Verdict.MET);
        surge.baseline = new RunResult.Baseline(RunResult.Baseline.IN_PROCESS, Runs.kafka(3), null, 3.1, null);
        assertThat(row(Map.of("market_open_surge", surge.build()), "tick").aimMet())
                .as("≤ 10 ms but more than 3× Kafka's p99").isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void theBurstIsJudgedByItsWorstCompleteBurst() {
        Runs burst = new Runs();
        burst.scenario = "ohlcv_burst";
        burst.bursts.addAll(List.of(new BarBursts.Burst(60_000, 8_000, 0, 100, 50, 50, 900),
                new BarBursts.Burst(120_000, 8_000, 0, 100, 50, 50, 1_101),
                new BarBursts.Burst(180_000, 8_000, 0, 100, 50, 49, 90_000)));

        Targets.Row row = row(Map.of("ohlcv_burst", burst.build()), "OHLCV minute burst");

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

        Targets.Row row = row(Map.of("ramp", ramp.build()), "highest sustained");

        assertThat(row.measured()).startsWith("104,000/min (step x2");
        assertThat(row.mustMet()).isEqualTo(Targets.Verdict.MET);
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MISSED);

        ramp.steps.set(0, Runs.step(1, 1, false));
        assertThat(row(Map.of("ramp", ramp.build()), "highest sustained").measured()).startsWith("none");
    }

    @Test
    void aRampWhoseEveryStepWasGoodReportsALowerBound() {
        Runs ramp = new Runs();
        ramp.scenario = "ramp";
        ramp.phases.clear();
        ramp.phases.add(new RunResult.PhaseConfig(1, 60));
        ramp.phases.add(new RunResult.PhaseConfig(20, 60));
        ramp.steps.addAll(List.of(Runs.step(1, 1, true), Runs.step(2, 20, true)));

        Targets.Row row = row(Map.of("ramp", ramp.build()), "highest sustained");

        assertThat(row.measured()).startsWith("≥ 1,040,000/min");
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MET);
    }

    @Test
    void memoryIsTheThreeServicesTogetherAtOneMoment() {
        Runs surge = new Runs();
        surge.rssPeak = 768;
        assertThat(row(Map.of("market_open_surge", surge.build()), "resident memory").aimMet())
                .isEqualTo(Targets.Verdict.MET);
        surge.rssPeak = 2_048;
        assertThat(row(Map.of("market_open_surge", surge.build()), "resident memory").mustMet())
                .isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void dedupIsExactOnlyWhenEveryRunDroppedExactlyTheInjectedCopiesAndCommittedNoIdTwice() {
        Runs exact = new Runs();
        assertThat(row(Map.of("a", exact.build()), "dedup").mustMet()).isEqualTo(Targets.Verdict.MET);

        Runs twice = new Runs();
        twice.repeatedIds = 1;
        assertThat(row(Map.of("a", exact.build(), "b", twice.build()), "dedup").mustMet())
                .isEqualTo(Targets.Verdict.MISSED);

        Runs miscounted = new Runs();
        miscounted.checks.set(0, new RunResult.Check("processor duplicates (tick) = injected", "10", "9", false, "…"));
        assertThat(row(Map.of("a", miscounted.build()), "dedup").measured()).startsWith("NOT 100%");
    }

    @Test
    void fanoutNeedsAThousandIntactClientsOverItsGroupsEachWithinTheLimit() {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.groups.add(Runs.group("movers", 100, 100, 49));
        fanout.groups.add(Runs.group("watchlists", 900, 900, 20));
        assertThat(row(Map.of("fanout", fanout.build()), "WebSocket clients").aimMet())
                .isEqualTo(Targets.Verdict.MET);
        assertThat(row(Map.of("fanout", fanout.build()), "WebSocket clients").measured())
                .startsWith("1,000 clients, 1,000 intact");

        fanout.groups.set(2, Runs.group("watchlists", 900, 899, 20));
        assertThat(row(Map.of("fanout", fanout.build()), "WebSocket clients").aimMet())
                .isEqualTo(Targets.Verdict.MISSED);
    }

    @Test
    void theGatewaysCostIsItsDeliveriesPerSecondOfItsOwnCpu() {
        Runs fanout = new Runs();
        fanout.scenario = "fanout";
        fanout.gateway.put("sent", 3_000_000L);
        fanout.gateway.put("cpuMillis", 1_000L);
        Targets.Row row = row(Map.of("fanout", fanout.build()), "gateway deliveries");
        assertThat(row.measured()).startsWith("3,000,000 (3,000,000 deliveries in 1.0 s");
        assertThat(row.aimMet()).isEqualTo(Targets.Verdict.MET);

        fanout.gateway.put("cpuMillis", 2_000L);
        assertThat(row(Map.of("fanout", fanout.build()), "gateway deliveries").aimMet())
                .isEqualTo(Targets.Verdict.MISSED);
        assertThat(row(Map.of("fanout", new Runs().build()), "gateway deliveries").aimMet())
                .isEqualTo(Targets.Verdict.NOT_MEASURED);
    }

    @Test
    void aScenarioNotRunYetIsNotMeasured() {
        assertThat(Targets.evaluate(Map.of())).allSatisfy(row -> assertThat(row.mustMet())
                .isIn(Targets.Verdict.NOT_MEASURED, Targets.Verdict.NONE));
    }
}
