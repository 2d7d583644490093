package io.tickstock.perf;

import io.tickstock.perf.chaos.ChaosCommand;
import io.tickstock.perf.report.ConsoleSummary;
import io.tickstock.perf.report.ReadinessWriter;
import io.tickstock.perf.report.ReportWriter;
import io.tickstock.perf.result.ResultFiles;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.result.RunResult;
import io.tickstock.perf.run.PerfRun;
import io.tickstock.perf.run.RunPlan;
import io.tickstock.perf.run.Scenario;
import io.tickstock.perf.stack.StackOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock perf}: runs a load scenario against the stack, or writes the report from the results. */
@Command(name = "perf", mixinStandardHelpOptions = true, subcommands = {PerfCommand.Run.class,
    PerfCommand.Report.class, ChaosCommand.class, PerfCommand.Readiness.class}, description = "Load scenarios of SPEC §9 with latency, integrity and resources.")
public final class PerfCommand {

    /** Exit code of a run that lost or repeated anything: it failed, whatever its speed. */
    public static final int FAILED = 1;
    /** Exit code of a run that could not be carried out (stack not there, a service refusing, …). */
    public static final int BROKEN = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the harness's command line {@code args} in this process; its exit code. */
    public static int execute(String... args) {
        return commandLine(new PerfCommand()).execute(args);
    }

    /** {@code command}'s command line, which reports what went wrong in a run and exits {@link #BROKEN}. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command).setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("perf: " + e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            return BROKEN;
        });
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs SCENARIO against a running stack and writes perf/results/SCENARIO-TIME.json.")
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", description = "market_open_surge, steady_state, ohlcv_burst, ramp, fanout, "
                + "fanout_firehose, smoke")
        String scenario;

        @Option(names = "--minutes", description = "run length (default: the scenario's; ramp: use --step-seconds)")
        Double minutes;

        @Option(names = "--clients", description = "fanout, fanout_firehose: clients beside the stalled one (default "
                + "1000); others: extra clients subscribed to everything")
        Integer clients;

        @Option(names = "--step-seconds", description = "ramp: length of each step (default 60)")
        Integer stepSeconds;

        @Option(names = "--multiplier", description = "simulator speed for single-phase scenarios (default 1)")
        Double multiplier;

        @Option(names = "--p99-limit-ms", defaultValue = Rules.STEP_P99_MILLIS,
                description = "ramp: a step is good while its tick p99 is below this")
        double p99Limit;

        @Option(names = "--warmup-seconds", defaultValue = Rules.PERF_WARMUP_SECONDS,
                description = "input at the start whose latency is not recorded (JIT warm-up); integrity counts it")
        int warmupSeconds;

        @Option(names = "--drain-timeout", defaultValue = Rules.PERF_DRAIN_TIMEOUT_SECONDS,
                description = "seconds the processor may take to catch up after the input stops")
        int drainTimeout;

        @Mixin
        StackOptions where;

        @Option(names = "--results", defaultValue = "perf/results", description = "where the JSON result goes")
        Path results;

        @Option(names = "--stack-note", defaultValue = "running stack",
                description = "how the stack was started, for the record")
        String stackNote;

        @Option(names = "--command", defaultValue = "", description = "the user's command line, for the record")
        String command;

        @Override
        public Integer call() {
            Scenario chosen = Scenario.of(scenario);
            RunPlan plan = chosen.plan(new Scenario.Options(minutes, clients, stepSeconds, multiplier, p99Limit,
                    Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(drainTimeout)));
            PerfRun run = new PerfRun(plan, where.stack(), System.out, stackNote,
                    command.isBlank() ? "./tickstock perf " + scenario : command);
            Thread stopper = new Thread(run::abort, "perf-abort");
            Runtime.getRuntime().addShutdownHook(stopper);
            RunResult result = run.execute();
            Runtime.getRuntime().removeShutdownHook(stopper);
            Path file = ResultFiles.write(results, result);
            ConsoleSummary.print(result, System.out);
            System.out.println("==> result: " + file);
            return result.passed() ? 0 : FAILED;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Writes docs/perf/REPORT.md and its charts from every result on record.")
    static final class Report implements Callable<Integer> {

        @Option(names = "--results", defaultValue = "perf/results")
        Path results;

        @Option(names = "--out", defaultValue = "docs/perf", description = "where REPORT.md and the SVGs go")
        Path out;

        @Override
        public Integer call() {
            Path report = ReportWriter.write(ResultFiles.runs(results), ResultFiles.chaosRuns(results), out);
            System.out.println("==> " + report);
            return 0;
        }
    }

    @Command(name = "readiness", mixinStandardHelpOptions = true,
            description = "Writes docs/READINESS.md: each success metric's evidence, command and go/no-go; the risks.")
    static final class Readiness implements Callable<Integer> {

        @Option(names = "--root", defaultValue = ".", description = "the repository (its modules' build reports)")
        Path root;

        @Option(names = "--results", defaultValue = "perf/results")
        Path results;

        @Option(names = "--risks", defaultValue = "docs/open-risks.md", description = "the known risks, kept by hand")
        Path risks;

        @Option(names = "--out", defaultValue = "docs/READINESS.md")
        Path out;

        @Override
        public Integer call() {
            System.out.println("==> " + ReadinessWriter.write(root, results, risks, out));
            return 0;
        }
    }
}
