package io.tickstock.perf.report;

import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run was set up against how {@code ./tickstock perf SCENARIO} and {@code ./tickstock chaos SCENARIO} set one up
 * by default: what the report flags, so that a figure from a run with other settings is never read as the default's.
 * Results record their settings (the harness's options, the command line, the stack's note), not the rules they were
 * judged by; the defaults compared against are the harness's today.
 */
final class RunSettings {

    static final String DUPLICATES = "0.05";
    /** What {@code ./tickstock perf} notes of a stack it started with {@code --limits} (or up --limits). */
    static final String KUBERNETES_SIZING = "Kubernetes memory sizing";

    private static final Pattern DUPLICATES_NOTE = Pattern.compile("injected duplicates ([0-9.]+)");

    private RunSettings() {
    }

    /**
     * Each way the run's settings differ from the defaults, as the report prints it; empty: the defaults. The rules it
     * was judged by (warm-up, limits, drain, overrides of the stack's configuration) are compared by
     * {@link Rules#differences}; the command line and the stack's note add what rules do not hold.
     */
    static List<String> differences(RunResult run) {
        RunResult.Configuration c = run.configuration();
        List<String> differences = new ArrayList<>(arguments(c.command(), "./tickstock perf " + run.scenario()));
        differences.addAll(Rules.differences(run.judgedBy()));
        differences.addAll(stack(c.stack() == null ? "" : c.stack()));
        return differences;
    }

    /** A chaos run: what its command line adds to {@code ./tickstock chaos SCENARIO} ({@code --seed} included). */
    static List<String> differences(ChaosResult run) {
        List<String> differences = new ArrayList<>(arguments(run.configuration() == null ? null
                : run.configuration().command(), "./tickstock chaos " + run.scenario()));
        if (run.configuration() != null) {
            differences.addAll(Rules.differences(run.judgedBy()));
        }
        return differences;
    }

    /** A run whose services had their Kubernetes heap and memory limits ({@code --limits}). */
    static boolean underKubernetesLimits(RunResult run) {
        String stack = run.configuration().stack();
        String command = run.configuration().command();
        return stack != null && stack.contains(KUBERNETES_SIZING) || command != null && command.contains("--limits");
    }

    private static List<String> arguments(String command, String plain) {
        if (command == null || command.isBlank()) {
            return List.of("command line not recorded");
        }
        String stripped = command.strip();
        if (stripped.equals(plain)) {
            return List.of();
        }
        return List.of(stripped.startsWith(plain + " ") ? "`" + stripped.substring(plain.length() + 1) + "`"
                : "`" + stripped + "`");
    }

    /** What the stack's note says that a fresh default stack would not have. */
    private static List<String> stack(String note) {
        List<String> differences = new ArrayList<>();
        if (!note.startsWith("a fresh stack")) {
            differences.add("stack: " + note);
            return differences;
        }
        Matcher duplicates = DUPLICATES_NOTE.matcher(note);
        if (duplicates.find() && !duplicates.group(1).equals(DUPLICATES)) {
            differences.add("injected duplicates " + duplicates.group(1));
        }
        if (note.contains(KUBERNETES_SIZING)) {
            differences.add("Kubernetes sizing (`--limits`)");
        }
        if (note.contains("JFR on")) {
            differences.add("JFR on");
        }
        return differences;
    }
}
