package io.tickstock.perf.chaos;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
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

    static List<RunResult.Check> targets(List<Fault> faults, List<ChaosResult.FaultOutcome> outcomes,
            List<ChaosResult.ClientOutcome> clients, long repeatedIds) {
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
        long processorBack = 0;
        int processorKills = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Fault fault = faults.get(i);
            Long millis = outcomes.get(i).healthyMillis().get("processor");
            if (fault.kind() == Fault.Kind.KILL && fault.target().equals("processor")) {
                processorKills++;
                processorBack = Math.max(processorBack, millis == null ? Long.MAX_VALUE : millis);
            }
        }
        if (processorKills > 0) {
            targets.add(new RunResult.Check("processor ready again after kill -9, worst of " + processorKills
                    + " (SPEC §10)", Rules.PROCESSOR_READY_AFTER_KILL.text(), processorBack == Long.MAX_VALUE
                    ? "never" : processorBack + " ms", Rules.PROCESSOR_READY_AFTER_KILL.holds(processorBack),
                    "kill → restart → state restored → ready, as an orchestrator restarts it at once"));
        }
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

    private static RunResult.Check check(String name, long expected, long actual, String meaning) {
        return new RunResult.Check(name, Long.toString(expected), Long.toString(actual), expected == actual, meaning);
    }
}
