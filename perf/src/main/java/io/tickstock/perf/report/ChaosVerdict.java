package io.tickstock.perf.report;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A chaos run judged on everything it recorded: its verdict and every SPEC §10 target it measured. Results written
 * before issue 15 judged integrity only, so a processor back after 11 s left them PASSED; read here, a missed target
 * fails the run whatever verdict it recorded.
 *
 * @param failures the run's recorded failures, then each missed target they do not name already
 */
record ChaosVerdict(Recorded<ChaosResult> run, List<String> failures) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static ChaosVerdict of(Recorded<ChaosResult> run) {
        List<String> failures = new ArrayList<>(run.result().failures() == null ? List.of() : run.result().failures());
        for (RunResult.Check target : run.result().targets()) {
            if (!target.ok() && failures.stream().noneMatch(f -> f.contains(target.name()))) {
                failures.add(target.shortfall());
            }
        }
        if (!run.result().passed() && failures.isEmpty()) {
            failures.add("recorded FAILED without a reason");
        }
        return new ChaosVerdict(run, List.copyOf(failures));
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** Whether its integrity targets (events lost, repeated, unexpected; ids committed twice) were measured and held. */
    boolean intact() {
        List<RunResult.Check> integrity = integrityTargets();
        return !integrity.isEmpty() && integrity.stream().allMatch(RunResult.Check::ok);
    }

    List<RunResult.Check> integrityTargets() {
        return run.result().targets().stream().filter(ChaosVerdict::integrity).toList();
    }

    /** The targets beside integrity: recovery, close codes, behaviour through a broker outage. */
    List<RunResult.Check> otherTargets() {
        return run.result().targets().stream().filter(t -> !integrity(t)).toList();
    }

    /** When, with what settings beside the defaults, and the verdict with its reasons. */
    String line() {
        List<String> settings = RunSettings.differences(run.result());
        return String.format("%s%s: %s", WHEN.format(Instant.ofEpochMilli(run.result().startedAtMillis())),
                settings.isEmpty() ? "" : " (" + String.join(", ", settings) + ")",
                passed() ? "PASSED" : "**FAILED** (" + String.join("; ", failures) + ")");
    }

    private static boolean integrity(RunResult.Check target) {
        return target.name().startsWith("events") || target.name().startsWith("event ids");
    }
}
