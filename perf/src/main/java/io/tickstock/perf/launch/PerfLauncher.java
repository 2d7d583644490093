package io.tickstock.perf.launch;

import io.tickstock.perf.PerfCommand;
import io.tickstock.perf.run.Scenario;
import io.tickstock.stack.command.HelpText;
import io.tickstock.stack.control.Builds;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.sizing.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./tickstock perf SCENARIO}: the scenario on the running stack, or on a fresh one of its own; every option it
 * does not know itself goes to the harness ({@code perf run}) as the user wrote it.
 */
@Command(name = "perf")
final class PerfLauncher implements Callable<Integer> {

    @Parameters(arity = "0..1") String scenario;

    @Mixin FreshStackOptions stackOptions;

    @Option(names = "--jfr") boolean jfr;

    @Unmatched List<String> harness = new ArrayList<>();

    private final Invocation invocation;

    PerfLauncher(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() {
        if (stackOptions.help || scenario == null) {
            invocation.console().out().print(HelpText.of(PerfLauncher.class, "perf", invocation.layout()));
            return 0;
        }
        if (!Scenario.ids().contains(scenario)) {
            throw new LaunchException("perf: unknown scenario '" + scenario + "'; choose one of: "
                    + String.join(" ", Scenario.ids()) + " (or 'report').");
        }
        FreshStack fresh = stackOptions.stack("perf", jfr);
        String command = command();
        // the harness's own options are checked before a stack is started for nothing
        Launcher.checkHarness("perf", new PerfCommand(), runArguments(RunStack.harnessOptions(invocation.layout()), "",
                command));
        new Builds(new Stack(invocation.layout(), invocation.console())).services(false);
        int code;
        try (RunStack stack = RunStack.forPerf(invocation.layout(), fresh, stackOptions.keep, invocation.console())) {
            code = PerfCommand.execute(runArguments(RunStack.harnessOptions(stack.layout()), stack.note(), command));
            if (stack.startedHere()) {
                afterwards(stack);
            }
        }
        if (code != 0 && code != PerfCommand.FAILED) {
            invocation.console().warn("tickstock: perf: the run did not complete (exit " + code + ").");
            return code;
        }
        invocation.console().info("docs/perf/REPORT.md from every result on record: ./tickstock perf report");
        return code;
    }

    private void afterwards(RunStack stack) {
        if (jfr) {
            invocation.console().info("the flight recordings are written to " + FreshStack.flightRecordings(
                    stack.layout().home().dir()) + " when the stack stops (jfr summary FILE, jfr print FILE)");
        }
        if (stack.kept()) {
            invocation.console().info("the stack keeps running (--keep); stop it with: TICKSTOCK_HOME="
                    + stack.layout().home().dir() + " ./tickstock down");
        }
    }

    /** The command line as the run records it: the scenario, the sizing, then what went to the harness. */
    String command() {
        return "./tickstock perf " + scenario + " " + stackOptions.sizingWords() + String.join(" ", harness);
    }

    private String[] runArguments(List<String> where, String note, String command) {
        List<String> args = new ArrayList<>(List.of("run", scenario));
        args.addAll(where);
        args.addAll(List.of("--results", invocation.results().resolve(
                        stackOptions.sizing == Sizing.CONTAINERS ? "containers" : "").toString(),
                "--stack-note", note, "--command", command));
        args.addAll(harness);
        return args.toArray(String[]::new);
    }
}
