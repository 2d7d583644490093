package io.tickstock.perf.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveriesTest {

    private static ChaosResult.FaultOutcome outcome(long outage, Map<String, Long> healthy, Double restore,
            Map<Integer, Integer> closes, Map<String, Boolean> alive) {
        return new ChaosResult.FaultOutcome(1, "x", 1.0, -1, outage, healthy, alive.isEmpty() ? Map.of()
                : Map.of("processor", false, "gateway", true), alive, restore,
                restore == null ? null : 100L, closes, null);
    }

    private static ChaosResult.ClientOutcome client(long lost, long duplicated) {
        return new ChaosResult.ClientOutcome("c", "*.*", 2, List.of(-1), 1, 0, List.of(),
                new IntegrityReport("c", 10, 10 - lost, lost, duplicated, duplicated, 0, 0, List.of(), List.of(),
                        List.of()));
    }

    private final List<Fault> faults = List.of(Fault.kill("processor"), Fault.kill("processor"),
            Fault.kill("gateway"), Fault.brokerStop(), Fault.sigterm("gateway"));
    private final List<ChaosResult.FaultOutcome> outcomes = List.of(
            outcome(10, Map.of("processor", 8_000L, "gateway", 5L), 1.5, Map.of(), Map.of()),
            outcome(10, Map.of("processor", 12_000L, "gateway", 5L), 2.5, Map.of(), Map.of()),
            outcome(10, Map.of("processor", 3L, "gateway", 6_000L), null, Map.of(-1, 2), Map.of()),
            outcome(30_000, Map.of("processor", 41_000L, "gateway", 33_000L), null, Map.of(),
                    Map.of("processor", true, "gateway", true)),
            outcome(500, Map.of("processor", 4L, "gateway", 7_000L), null, Map.of(1012, 1, -1, 1), Map.of()));

    @Test
    void eachTargetIsTimedByTheFaultsThatHitItAndTheBrokerFromItsReturn() {
        Map<String, ChaosResult.Recovery> recovery = Recoveries.byTarget(faults, outcomes);

        assertThat(recovery).containsEntry("processor (kill)", new ChaosResult.Recovery(2, 8_000, 12_000, 12_000))
                .containsEntry("gateway (kill)", new ChaosResult.Recovery(1, 6_000, 6_000, 6_000))
                .containsEntry("gateway (sigterm)", new ChaosResult.Recovery(1, 7_000, 7_000, 7_000))
                .containsEntry(Recoveries.AFTER_BROKER, new ChaosResult.Recovery(1, 11_000, 11_000, 11_000));
    }

    @Test
    void theRestoreSummaryComesFromTheProcessorRestarts() {
        assertThat(Recoveries.restore(outcomes)).isEqualTo(new ChaosResult.Restore(2, 2.5, 2.5, 100));
        assertThat(Recoveries.restore(List.of())).isEqualTo(new ChaosResult.Restore(0, 0, 0, 0));
    }

    @Test
    void targetsJudgeLossRepeatsEveryRecoveryAndTheReconnectCode() {
        List<RunResult.Check> targets = Recoveries.targets(faults, outcomes, List.of(client(0, 0), client(1, 2)), 0,
                Duration.ofSeconds(180));

        assertThat(targets).filteredOn(t -> !t.ok()).extracting(RunResult.Check::name).containsExactly(
                "events lost, over all clients (SPEC §10)", "events delivered twice, over all clients (SPEC §5.3)",
                "processor ready again after kill -9, worst of 2 (SPEC §10)",
                "processor ready again after the broker's return, worst of 1 (SPEC §10)",
                "services that kept saying ready while the broker was down",
                "clients closed with 1012 (reconnect) by a gateway's SIGTERM");
        assertThat(targets).filteredOn(t -> t.name().startsWith("processor ready again after kill")).singleElement()
                .satisfies(t -> assertThat(t.actual()).isEqualTo("12000 ms"));
        assertThat(targets).filteredOn(t -> t.name().startsWith("services that died")).singleElement()
                .satisfies(t -> assertThat(t.ok()).isTrue());
    }

    @Test
    void aRecoveryPastItsBoundFailsTheRunWithItsReasonAndOneWithinPasses() {
        List<Fault> kills = List.of(Fault.kill("processor"), Fault.kill("gateway"));
        List<ChaosResult.FaultOutcome> slow = List.of(
                outcome(1_500, Map.of("processor", 31_700L, "gateway", 1_600L), 2.0, Map.of(), Map.of()),
                outcome(1_500, Map.of("processor", 1_600L, "gateway", 9_500L), null, Map.of(), Map.of()));
        List<ChaosResult.FaultOutcome> quick = List.of(
                outcome(1_500, Map.of("processor", 9_900L, "gateway", 1_600L), 2.0, Map.of(), Map.of()),
                outcome(1_500, Map.of("processor", 1_600L, "gateway", 9_500L), null, Map.of(), Map.of()));

        List<String> failures = Recoveries.missed(Recoveries.targets(kills, slow, List.of(client(0, 0)), 0,
                Duration.ofSeconds(5)));

        assertThat(failures).containsExactly(
                "target: processor ready again after kill -9, worst of 1 (SPEC §10): expected ≤ 10,000 ms, found "
                        + "31700 ms (kill → restart → state restored → ready, as an orchestrator restarts it at once)",
                "target: gateway ready again after kill -9, worst of 1 (the run's healthy timeout): expected "
                        + "≤ 5,000 ms, found 8000 ms (restart → ready, timed from the restart)");
        assertThat(Recoveries.missed(Recoveries.targets(kills, quick, List.of(client(0, 0)), 0,
                Duration.ofSeconds(180)))).isEmpty();
    }

    @Test
    void aServiceThatNeverCameBackMissesItsBound() {
        List<RunResult.Check> recoveries = Recoveries.recoveries(List.of(Fault.sigterm("ingest"), Fault.brokerStop()),
                List.of(outcome(900, Map.of("processor", 1_000L, "gateway", 1_000L), null, Map.of(), Map.of()),
                        outcome(30_000, Map.of("processor", 33_000L), null, Map.of(),
                                Map.of("processor", true, "gateway", true))), Duration.ofSeconds(180));

        assertThat(recoveries).extracting(RunResult.Check::name, RunResult.Check::actual, RunResult.Check::ok)
                .containsExactly(
                        tuple("ingest ready again after SIGTERM, worst of 1 (the run's healthy timeout)", "never",
                                false),
                        tuple("processor ready again after the broker's return, worst of 1 (SPEC §10)", "3000 ms",
                                true),
                        tuple("every service ready again after the broker's return, worst of 1 (the run's healthy "
                                + "timeout)", "never", false));
    }
}
