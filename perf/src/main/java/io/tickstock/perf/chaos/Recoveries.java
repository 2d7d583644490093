package io.tickstock.perf.chaos;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The faults of a run summed up: time to healthy per target, the processor's restores, SPEC §10's targets. */
final class Recoveries {

    /** What the recovery of a broker stop is keyed by: every service ready again, from the broker's return. */
    static final String AFTER_BROKER = "services after the broker's return";

    private Recoveries() {
    }

    /**
     * Per target (a service hit by kill -9 or SIGTERM: from the fault to it being ready again; the broker: from its
     * restart to every service being ready again).
     */
    static Map<String, ChaosResult.Recovery> byTarget(List<Fault> faults, List<ChaosResult.FaultOutcome> outcomes) {
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Fault fault = faults.get(i);
            ChaosResult.FaultOutcome outcome = outcomes.get(i);
            if (fault.kind() == Fault.Kind.BROKER_STOP) {
                outcome.healthyMillis().values().stream().mapToLong(Long::longValue).max().ifPresent(max -> millis
                        .computeIfAbsent(AFTER_BROKER, k -> new ArrayList<>()).add(max - outcome.outageMillis()));
            } else if (outcome.healthyMillis().containsKey(fault.target())) {
                millis.computeIfAbsent(fault.target() + " (" + fault.kind().name().toLowerCase() + ")",
                        k -> new ArrayList<>()).add(outcome.healthyMillis().get(fault.target()));
            }
        }
        Map<String, ChaosResult.Recovery> recovery = new LinkedHashMap<>();
        millis.forEach((target, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            recovery.put(target, new ChaosResult.Recovery(sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1)));
        });
        return recovery;
    }

    static ChaosResult.Restore restore(List<ChaosResult.FaultOutcome> outcomes) {
        List<Double> seconds = outcomes.stream().map(ChaosResult.FaultOutcome::restoreSeconds)
                .filter(Objects::nonNull).sorted().toList();
        long maxRecords = outcomes.stream().map(ChaosResult.FaultOutcome::restoredRecords).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(0);
        return seconds.isEmpty() ? new ChaosResult.Restore(0, 0, 0, 0)
                : new ChaosResult.Restore(seconds.size(), seconds.get(seconds.size() / 2),
                        seconds.get(seconds.size() - 1), maxRecords);
    }

    /**
     * SPEC §10's targets: nothing lost, repeated or foreign, no id committed twice, every service back within its
     * bound ({@link #recoveries}), a stopping gateway's clients told to reconnect, and services that outlive a broker
     * outage saying not-ready meanwhile. A chaos run passes only when every one holds.
     */
    static List<RunResult.Check> targets(List<Fault> faults, List<ChaosResult.FaultOutcome> outcomes,
            List<ChaosResult.ClientOutcome> clients, long repeatedIds, Duration healthyTimeout) {
        List<RunResult.Check> targets = new ArrayList<>();
        long lost = clients.stream().mapToLong(c -> c.integrity().lost()).sum();
        long duplicated = clients.stream().mapToLong(c -> c.integrity().duplicated()).sum();
        long unexpected = clients.stream().mapToLong(c -> c.integrity().unexpected()).sum();
        targets.add(check("events lost, over all clients (SPEC §10)", 0, lost, "nothing lost"));
        targets.add(check("events delivered twice, over all clients (SPEC §5.3)", 0, duplicated,
                "nothing delivered twice"));
        targets.add(check("events received that were not owed", 0, unexpected, "nothing foreign"));
        targets.add(check("event ids committed twice to the events topic", 0, repeatedIds,
                "exactly-once processing held through every fault"));
        targets.addAll(recoveries(faults, outcomes, healthyTimeout));
        for (int i = 0; i < outcomes.size(); i++) {
            Fault fault = faults.get(i);
            ChaosResult.FaultOutcome outcome = outcomes.get(i);
            if (fault.kind() == Fault.Kind.SIGTERM && fault.target().equals("gateway")) {
                int told = outcome.clientCloses().getOrDefault(1012, 0);
                targets.add(check("clients closed with 1012 (reconnect) by a gateway's SIGTERM", clients.size(), told,
                        "graceful shutdown tells every client to reconnect and resume"));
            }
            if (fault.kind() == Fault.Kind.BROKER_STOP) {
                long died = outcome.aliveThroughOutage().values().stream().filter(alive -> !alive).count();
                targets.add(check("services that died while the broker was down", 0, died,
                        "producers back off, services stay up"));
                long saidReady = outcome.readyDuringOutage().values().stream().filter(ready -> ready).count();
                targets.add(check("services that kept saying ready while the broker was down", 0, saidReady,
                        "a service without its broker says not-ready, so no traffic is sent its way"));
            }
        }
        return targets;
    }

    /** The targets missed, as failures of the run: a chaos run passes only when every target holds. */
    static List<String> missed(List<RunResult.Check> targets) {
        return targets.stream().filter(t -> !t.ok()).map(t -> "target: " + t.shortfall()).toList();
    }

    /** One kind of recovery: its bound, why that bound, and the time of each fault of the kind (null: never). */
    private record Recovery(Rules.Threshold bound, String basis, String meaning, List<Long> millis) {

        RunResult.Check check(String name) {
            boolean never = millis.contains(null);
            long worst = millis.stream().filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
            return new RunResult.Check(name + ", worst of " + millis.size() + " (" + basis + ")", bound.text(),
                    never ? "never" : worst + " ms", !never && bound.holds(worst), meaning);
        }
    }

    /**
     * Every service back within its bound after every fault. SPEC §10 bounds the processor: 10 s after its kill -9,
     * timed from the kill, and after a broker restart, from the broker's return. It sets no bound for the others:
     * ingest and the gateway after any fault, the processor after SIGTERM, and every service after the broker's
     * return are held to the run's healthy timeout (Rules.CHAOS_HEALTHY_TIMEOUT_SECONDS by default), timed from
     * the restart.
     */
    static List<RunResult.Check> recoveries(List<Fault> faults, List<ChaosResult.FaultOutcome> outcomes,
            Duration healthyTimeout) {
        Rules.Threshold healthy = new Rules.Threshold(Rules.Bound.AT_MOST, healthyTimeout.toMillis(), "ms");
        String spec = "SPEC §10";
        String timeout = "the run's healthy timeout";
        Map<String, Recovery> recoveries = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Fault fault = faults.get(i);
            ChaosResult.FaultOutcome outcome = outcomes.get(i);
            if (fault.kind() == Fault.Kind.BROKER_STOP) {
                recoveries.computeIfAbsent("processor ready again after the broker's return",
                        k -> new Recovery(Rules.PROCESSOR_READY_AFTER_KILL, spec, "back with its state",
                                new ArrayList<>())).millis().add(sinceRestart(outcome, "processor"));
                List<Long> each = outcome.aliveThroughOutage().keySet().stream()
                        .map(service -> sinceRestart(outcome, service)).toList();
                Long every = each.contains(null) ? null : each.stream().mapToLong(Long::longValue).max().orElse(0);
                recoveries.computeIfAbsent("every service ready again after the broker's return",
                        k -> new Recovery(healthy, timeout, "the stack comes back by itself", new ArrayList<>()))
                        .millis().add(every);
            } else if (fault.kind() == Fault.Kind.KILL && fault.target().equals("processor")) {
                recoveries.computeIfAbsent("processor ready again after kill -9",
                        k -> new Recovery(Rules.PROCESSOR_READY_AFTER_KILL, spec,
                                "kill → restart → state restored → ready, as an orchestrator restarts it at once",
                                new ArrayList<>())).millis().add(outcome.healthyMillis().get("processor"));
            } else {
                recoveries.computeIfAbsent(fault.target() + " ready again after "
                        + (fault.kind() == Fault.Kind.KILL ? "kill -9" : "SIGTERM"),
                        k -> new Recovery(healthy, timeout, "restart → ready, timed from the restart",
                                new ArrayList<>())).millis().add(sinceRestart(outcome, fault.target()));
            }
        }
        List<RunResult.Check> checks = new ArrayList<>();
        recoveries.forEach((name, recovery) -> checks.add(recovery.check(name)));
        return checks;
    }

    /** From the component's restart to {@code service} ready again; null when it never was. */
    private static Long sinceRestart(ChaosResult.FaultOutcome outcome, String service) {
        Long millis = outcome.healthyMillis().get(service);
        return millis == null ? null : Math.max(0, millis - outcome.outageMillis());
    }

    private static RunResult.Check check(String name, long expected, long actual, String meaning) {
        return new RunResult.Check(name, Long.toString(expected), Long.toString(actual), expected == actual, meaning);
    }
}
