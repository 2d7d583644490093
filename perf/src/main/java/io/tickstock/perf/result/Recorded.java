package io.tickstock.perf.result;

import java.nio.file.Path;

/**
 * One result as it lies on record: its file, and the set it is kept in — {@link #SCENARIO_RECORD} for a file at the
 * top of {@code perf/results/} (the record of its scenario), else the name of the subdirectory that keeps it apart
 * (a variant of a scenario: {@code flood/}, {@code fanout-250/}, an earlier build's {@code before-issue-13/}).
 */
public record Recorded<T>(Path file, String set, T result) {

    public static final String SCENARIO_RECORD = "";

    /** Whether the file lies in a subdirectory of its own rather than in its scenario's record. */
    public boolean keptApart() {
        return !SCENARIO_RECORD.equals(set);
    }

    /** The file as the report names it: {@code SET/NAME.json}, or {@code NAME.json} in the scenario's record. */
    public String name() {
        return (keptApart() ? set + "/" : "") + file.getFileName();
    }
}
