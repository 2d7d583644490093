package io.tickstock.perf.report;

import io.tickstock.perf.result.Recorded;
import io.tickstock.perf.result.RunResult;
import java.util.List;
import java.util.Optional;

/** How a FAILED run was followed: what the report puts next to a failure, so that a rerun never hides it. */
final class Reruns {

    private Reruns() {
    }

    /**
     * The first run after {@code failed} of the same scenario, kept in the same set, that PASSED: the run that shows
     * a fix, if there is one. {@code runs} oldest first.
     */
    static Optional<Recorded<RunResult>> passedAgain(List<Recorded<RunResult>> runs, Recorded<RunResult> failed) {
        return runs.stream().filter(later -> later.result().startedAtMillis() > failed.result().startedAtMillis()
                && later.set().equals(failed.set()) && later.result().scenario().equals(failed.result().scenario())
                && later.result().passed()).findFirst();
    }

    /** What follows a FAILED run in the report: the run that passed again, or that none has. */
    static String after(List<Recorded<RunResult>> runs, Recorded<RunResult> failed) {
        return passedAgain(runs, failed).map(later -> "passed again by `" + later.name() + "`")
                .orElse("**not passed again since**");
    }
}
