package io.tickstock.perf.chaos;

import io.tickstock.perf.dedup.DedupCheck;
import io.tickstock.perf.result.ChaosResult;
import io.tickstock.perf.result.ResultFiles;
import io.tickstock.perf.result.Rules;
import io.tickstock.perf.stack.StackOptions;
import io.tickstock.stack.layout.StackLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./tickstock chaos SCENARIO}: faults under load, judged by what every client got, by event id. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Strikes faults (kill -9, SIGTERM, broker stop) at a stack under load and judges every client.")
public final class ChaosCommand implements Callable<Integer> {

    /** Exit code of a run that lost or repeated anything, or from which the stack did not come back in time. */
    public static final int FAILED = 1;

    @Parameters(index = "0", description = "kill, broker, sigterm, all or dedup")
    String scenario;

    @Option(names = "--kills", description = "kill -9 faults in kill and all (default 21), dedup (default 6, at least "
            + "2 each of processor and ingest)")
    Integer kills;

    @Option(names = "--seed", description = "the random order and moments of the faults (default: the clock)")
    Long seed;

    @Option(names = "--profile", defaultValue = "market_open_surge", description = "the simulator's load profile")
    String profile;

    @Option(names = "--multiplier", defaultValue = "1", description = "simulator speed (1 … 20)")
    double multiplier;

    @Option(names = "--clients", defaultValue = "0", description = "clients of *.* beside the three measuring ones")
    int clients;

    @Option(names = "--warmup-seconds", defaultValue = Rules.CHAOS_WARMUP_SECONDS,
            description = "load before the first fault")
    int warmup;

    @Option(names = "--min-gap-seconds", defaultValue = Rules.CHAOS_MIN_GAP_SECONDS,
            description = "shortest pause between faults")
    int minGap;

    @Option(names = "--max-gap-seconds", defaultValue = Rules.CHAOS_MAX_GAP_SECONDS,
            description = "longest pause between faults")
    int maxGap;

    @Option(names = "--outage-seconds", defaultValue = Rules.CHAOS_OUTAGE_SECONDS,
            description = "how long the broker stays down")
    int outage;

    @Option(names = "--healthy-timeout", defaultValue = Rules.CHAOS_HEALTHY_TIMEOUT_SECONDS,
            description = "seconds a service may take to be ready again after a fault (the processor after kill -9 "
                    + "or a broker restart: SPEC's 10 s)")
    int healthyTimeout;

    @Option(names = "--drain-timeout", defaultValue = Rules.CHAOS_DRAIN_TIMEOUT_SECONDS,
            description = "seconds the processor may take to catch up after the input stops")
    int drainTimeout;

    @Mixin
    StackOptions where;

    @Option(names = "--root", required = true, description = "the repository: the stack's jars and manifests")
    Path root;

    @Option(names = "--results", defaultValue = "perf/results/chaos", description = "where the JSON result goes")
    Path results;

    @Option(names = "--command", defaultValue = "", description = "the user's command line, for the record")
    String command;

    private final Optional<StackLayout> layout;

    /** On the stack in the home of {@code --pids}, with this process's environment (ports, settings). */
    public ChaosCommand() {
        this.layout = Optional.empty();
    }

    /** On the stack of {@code layout}: what it breaks is started again with that stack's home and environment. */
    public ChaosCommand(StackLayout layout) {
        this.layout = Optional.of(layout);
    }

    @Override
    public Integer call() {
        ChaosScenario chosen = ChaosScenario.of(scenario);
        long chosenSeed = seed == null ? System.currentTimeMillis() : seed;
        List<Fault> faults = chosen.faults(new Random(chosenSeed), kills == null ? chosen.defaultKills() : kills);
        ChaosRun.Plan plan = new ChaosRun.Plan(chosen, faults, chosenSeed, profile, multiplier,
                Duration.ofSeconds(warmup), Duration.ofSeconds(minGap), Duration.ofSeconds(Math.max(minGap, maxGap)),
                Duration.ofSeconds(outage), Duration.ofSeconds(healthyTimeout), Duration.ofSeconds(drainTimeout),
                clients, command.isBlank() ? "./tickstock chaos " + scenario : command);
        Path pids = where.pids();
        Path restartLog = pids.getParent().resolve("logs").resolve("chaos-restarts.log");
        DedupCheck dedup = new DedupCheck(root.toAbsolutePath().resolve(DedupCheck.PROCESSOR_JAR),
                restartLog.getParent());
        StackLayout stack = layout.orElseGet(() -> StackLayout.fromEnvironment(root, System.getenv())
                .inHome(pids.toAbsolutePath().getParent()));
        ChaosResult result = new ChaosRun(plan, where.stack(), new Components(stack), dedup, restartLog,
                System.out).execute();
        Path file = ResultFiles.write(results, result.scenario(), result.startedAtMillis(), result);
        ChaosSummary.print(result, System.out);
        System.out.println("==> result: " + file);
        return result.passed() ? 0 : FAILED;
    }
}
