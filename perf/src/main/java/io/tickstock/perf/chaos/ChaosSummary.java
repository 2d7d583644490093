package io.tickstock.perf.chaos;

import io.tickstock.perf.dedup.DedupSummary;
import io.tickstock.perf.integrity.IntegrityReport;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import java.io.PrintStream;
import java.util.List;

/** The end of a chaos run on the console: the verdict, each client, the recoveries and the targets. */
final class ChaosSummary {

    private ChaosSummary() {
    }

    static void print(ChaosResult result, PrintStream out) {
        out.printf("%n=== chaos %s: %s after %.0f s, %d faults; %d events committed by the run%n", result.scenario(),
                result.verdict(), result.seconds(), result.faults().size(), result.input().eventsCommitted());
        out.println("client          owed  delivered  lost  duplicated  unexpected  connections  resumed");
        for (ChaosResult.ClientOutcome client : result.clients()) {
            IntegrityReport r = client.integrity();
            out.printf("%-12s %7d  %9d  %4d  %10d  %10d  %11d  %7d%n", client.name(), r.expected(), r.delivered(),
                    r.lost(), r.duplicated(), r.unexpected(), client.connections(), client.resumed());
        }
        out.println("time to ready again (ms): faults, min, median, max");
        result.recovery().forEach((target, r) -> out.printf("  %-36s %3d %7d %7d %7d%n", target, r.faults(),
                r.minMillis(), r.medianMillis(), r.maxMillis()));
        if (result.restore().restarts() > 0) {
            out.printf("processor state restore: %d restarts, median %.1f s, max %.1f s, up to %d records%n",
                    result.restore().restarts(), result.restore().medianSeconds(), result.restore().maxSeconds(),
                    result.restore().maxRecords());
        }
        result.resources().forEach((name, s) -> out.printf("  memory %-11s RSS peak %,.0f MB%s%n", name,
                s.rssPeakMb(), s.containerNote()));
        for (RunResult.Check target : result.targets()) {
            out.printf("  [%s] %s: %s (expected %s)%n", target.ok() ? "ok" : "MISSED", target.name(), target.actual(),
                    target.expected());
        }
        if (result.dedup() != null) {
            DedupSummary.print(result.dedup(), out);
        }
        result.failures().forEach(failure -> out.println("FAILURE: " + failure));
        result.notes().forEach(note -> out.println("note: " + note));
        List<String> differences = Rules.differences(result.judgedBy());
        if (!differences.isEmpty()) {
            out.println("rules: ran with non-default settings: " + String.join("; ", differences));
        }
    }
}
