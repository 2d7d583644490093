package io.tickstock.perf;

import io.tickstock.perf.report.ConsoleSummary;
import io.tickstock.perf.report.ReportWriter;
import io.tickstock.perf.report.ResultFiles;
import io.tickstock.perf.report.RunResult;
import io.tickstock.perf.run.PerfRun;
import io.tickstock.perf.run.RunPlan;
import io.tickstock.perf.stack.Stack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock perf}: runs a load scenario against the stack, or writes the report from the results. */
@Command(name = "perf", mixinStandardHelpOptions = true, subcommands = {PerfCommand.Run.class,
    PerfCommand.Report.class}, description = "Load scenarios of SPEC §9 with latency, integrity and resources.")
public final class PerfCommand {

    /** Exit code of a run that lost or repeated anything: it failed, whatever its speed. */
    public static final int FAILED = 1;
    /** Exit code of a run that could not be carried out (stack not there, a service refusing, …). */
    public static final int BROKEN = 2;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PerfCommand()).setExecutionExceptionHandler((e, command, parsed) -> {
            System.err.println("perf: " + e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            return BROKEN;
        }).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs SCENARIO against a running stack and writes perf/results/SCENARIO-TIME.json.")
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", description = "market_open_surge, steady_state, ohlcv_burst, ramp, fanout, smoke")
        String scenario;

        @Option(names = "--minutes", description = "run length (default: the scenario's; ramp: use --step-seconds)")
        Double minutes;

        @Option(names = "--clients", description = "fanout: clients beside the stalled one (default 1000); "
                + "others: extra clients subscribed to everything")
        Integer clients;

        @Option(names = "--step-seconds", description = "ramp: length of each step (default 60)")
        Integer stepSeconds;

        @Option(names = "--multiplier", description = "simulator speed for single-phase scenarios (default 1)")
        Double multiplier;

        @Option(names = "--p99-limit-ms", defaultValue = "50", description = "ramp: a step is good up to this tick p99")
        double p99Limit;

        @Option(names = "--baseline-messages", defaultValue = "5000",
                description = "messages of Kafka's EndToEndLatency probe (0: none)")
        int baselineMessages;

        @Option(names = "--warmup-seconds", defaultValue = "15",
                description = "input at the start whose latency is not recorded (JIT warm-up); integrity counts it")
        int warmupSeconds;

        @Option(names = "--drain-timeout", defaultValue = "300",
                description = "seconds the processor may take to catch up after the input stops")
        int drainTimeout;

        @Option(names = "--gateway", defaultValue = "ws://127.0.0.1:8080/ws/v1")
        URI gateway;

        @Option(names = "--ingest", defaultValue = "http://127.0.0.1:8081")
        URI ingest;

        @Option(names = "--processor", defaultValue = "http://127.0.0.1:8082")
        URI processor;

        @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
        String bootstrap;

        @Option(names = "--processor-group", defaultValue = "tickstock-processor")
        String processorGroup;

        @Option(names = "--pids", description = "directory of NAME.pid files of the components to sample")
        Path pids;

        @Option(names = "--token", description = "gateway token (or TICKSTOCK_PERF_TOKEN), when it requires one")
        String token;

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
                    baselineMessages, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(drainTimeout)));
            Map<String, Long> processes = pids == null ? Map.of() : Stack.pidsIn(pids);
            Stack stack = new Stack(gateway, ingest, processor, bootstrap, processorGroup, processes,
                    Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv("TICKSTOCK_PERF_TOKEN"))),
                    Stack.TopicNames.defaults());
            PerfRun run = new PerfRun(plan, stack, System.out, stackNote,
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
            description = "Writes docs/perf/REPORT.md and its charts from the latest result of each scenario.")
    static final class Report implements Callable<Integer> {

        @Option(names = "--results", defaultValue = "perf/results")
        Path results;

        @Option(names = "--out", defaultValue = "docs/perf", description = "where REPORT.md and the SVGs go")
        Path out;

        @Override
        public Integer call() {
            Path report = ReportWriter.write(ResultFiles.latest(results), out);
            System.out.println("==> " + report);
            return 0;
        }
    }
}
