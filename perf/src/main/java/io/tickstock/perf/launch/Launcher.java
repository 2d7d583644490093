package io.tickstock.perf.launch;

import io.tickstock.perf.PerfCommand;
import io.tickstock.stack.control.Console;
import io.tickstock.stack.control.StackException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What {@code ./tickstock perf ...} and {@code ./tickstock chaos ...} run: the repository is the system property
 * {@code tickstock.root} (the script sets it), the stack's layout comes from the environment.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Invocation invocation = new Invocation(Path.of(System.getProperty("tickstock.root", ".")), System.getenv(),
                Console.system());
        System.exit(run(invocation, args));
    }

    /**
     * Runs {@code perf ARGS} or {@code chaos ARGS}; the exit code: 0 the run passed, 1 it failed, any other it did not
     * complete (nothing was run, or the run broke off).
     */
    static int run(Invocation invocation, String... args) {
        String what = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (what.equals("perf") && !rest.isEmpty() && rest.get(0).equals("report")) {
            List<String> report = new ArrayList<>(List.of("report", "--results", invocation.results().toString(),
                    "--out", invocation.root().resolve("docs/perf").toString()));
            report.addAll(rest.subList(1, rest.size()));
            return PerfCommand.execute(report.toArray(String[]::new));
        }
        if (what.equals("perf") && !rest.isEmpty() && rest.get(0).equals("run")) {
            return PerfCommand.execute(rest.toArray(String[]::new)); // the harness itself, on a stack named by hand
        }
        Object command = switch (what) {
            case "perf" -> new PerfLauncher(invocation);
            case "chaos" -> new ChaosLauncher(invocation);
            default -> throw new IllegalArgumentException("perf or chaos, not '" + what + "'");
        };
        return new CommandLine(command).setParameterExceptionHandler((e, unused) -> {
            invocation.console().warn("tickstock: " + what + ": " + e.getMessage() + ". See './tickstock " + what
                    + " --help'.");
            return PerfCommand.BROKEN;
        }).setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean said = e instanceof LaunchException || e instanceof StackException;
            invocation.console().warn("tickstock: " + (said ? "" : what + ": ") + e.getMessage());
            return PerfCommand.BROKEN;
        }).execute(rest.toArray(String[]::new));
    }

    /** Fails, as the harness would, when it would refuse {@code args}: before a stack is started for nothing. */
    static void checkHarness(String what, Object harness, String... args) {
        try {
            new CommandLine(harness).parseArgs(args);
        } catch (ParameterException e) {
            String message = e instanceof UnmatchedArgumentException unmatched
                    ? "unknown option '" + unmatched.getUnmatched().get(0) + "'" : e.getMessage();
            throw new LaunchException(what + ": " + message + ". See './tickstock " + what + " --help'.");
        }
    }
}
