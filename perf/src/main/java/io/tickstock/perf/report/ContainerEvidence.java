package io.tickstock.perf.report;

import io.tickstock.perf.measure.ResourceSampler;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stack run as Kubernetes runs it, in its images under the enforced memory limits (issue 14): the latest surge
 * in containers ({@code perf/results/containers/}) and the latest {@code chaos kill --containers}, each shown when it
 * passed with every component's container limit recorded and none killed at it.
 */
final class ContainerEvidence {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Optional<RunResult> surge;
    private final Optional<ChaosResult> kill;

    ContainerEvidence(List<Recorded<RunResult>> runs, List<Recorded<ChaosResult>> chaos) {
        this.surge = runs.stream().filter(r -> r.set().equals(ReadinessWriter.CONTAINERS)).map(Recorded::result)
                .filter(r -> r.scenario().equals("market_open_surge")).reduce((a, b) -> b);
        this.kill = chaos.stream().map(Recorded::result).filter(r -> r.scenario().equals("kill"))
                .filter(ContainerEvidence::inContainers).reduce((a, b) -> b);
    }

    private static boolean inContainers(ChaosResult run) {
        return run.configuration() != null && run.configuration().command() != null
                && run.configuration().command().contains("--containers");
    }

    /** Adds a line per run (or what is missing) to {@code evidence}; whether both were shown. */
    boolean shown(List<String> evidence) {
        boolean surgeShown = surge.map(run -> line(evidence, "the surge in containers", run.startedAtMillis(),
                run.passed(), run.resources())).orElseGet(() -> missing(evidence,
                        "./tickstock perf market_open_surge --containers"));
        boolean killShown = kill.map(run -> line(evidence, "`chaos kill` in containers", run.startedAtMillis(),
                run.passed(), run.resources())).orElseGet(() -> missing(evidence, "./tickstock chaos kill --containers"));
        return surgeShown && killShown;
    }

    private static boolean missing(List<String> evidence, String command) {
        evidence.add("in containers under the enforced memory limits: **not run yet** (`" + command + "`)");
        return false;
    }

    private static boolean line(List<String> evidence, String what, long startedAt, boolean passed,
            Map<String, ResourceSampler.Summary> resources) {
        List<String> limits = new ArrayList<>();
        boolean limited = false;
        boolean killed = false;
        for (Map.Entry<String, ResourceSampler.Summary> e : resources.entrySet()) {
            ResourceSampler.Summary s = e.getValue();
            if (s.container() != null) {
                limited = true;
                killed |= s.container().oomKilled();
                limits.add(String.format(Locale.ROOT, "%s RSS peak %,.0f of %,.0f MB%s", e.getKey(), s.rssPeakMb(),
                        s.container().limitMb(), s.container().oomKilled() ? " (**killed at the limit**)" : ""));
            }
        }
        boolean shown = passed && limited && !killed;
        evidence.add(String.format(Locale.ROOT, "%s (%s): %s; %s%s", what, DAY.format(Instant.ofEpochMilli(startedAt)),
                passed ? "PASSED" : "**FAILED**", limited ? String.join(", ", limits) : "**no container limit recorded**",
                limited && !killed ? "; nothing killed at its limit" : ""));
        return shown;
    }
}
