package io.tickstock.perf.dedup;

import io.tickstock.perf.result.DedupReport;
import java.io.PrintStream;

/** The dedup audit on the console, one line per channel. */
public final class DedupSummary {

    private DedupSummary() {
    }

    public static void print(DedupReport report, PrintStream out) {
        out.printf("dedup audit by id: %s%n", report.passed() ? "PASSED" : "FAILED");
        out.println("channel      raw   repeats  injected   events  ids twice  from repeats  compared  missing  "
                + "extra  order-dep.  missing  extra");
        for (DedupReport.Channel c : report.channels()) {
            out.printf("%-7s %8d  %8d  %8d  %7d  %9d  %12d  %8d  %7d  %5d  %10d  %7d  %5d%n", c.channel(), c.raw(),
                    c.repeats(), c.injected(), c.eventsCommitted(), c.idsCommittedTwice(), c.eventsFromRepeats(),
                    c.compared(), c.missing(), c.extra(), c.orderDependent(), c.orderDependentMissing(),
                    c.orderDependentExtra());
        }
        report.orderDependent().forEach(why -> out.println("  order-dependent: " + why));
    }
}
