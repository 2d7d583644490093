package io.tickstock.perf.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.chaos.ChaosScenario;
import io.tickstock.perf.run.Scenario;
import io.tickstock.stack.control.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./tickstock perf} and {@code chaos} as operators meet them: the help, the refusals and their exit codes. */
class LauncherTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Process marked;

    @AfterEach
    void stopMarked() {
        if (marked != null) {
            marked.destroyForcibly();
        }
    }

    private Invocation invocation() {
        return new Invocation(Path.of(System.getProperty("tickstock.root", "..")), Map.of("TICKSTOCK_HOME",
                home.toString(), "TICKSTOCK_KAFKA_PORT", "19092", "TICKSTOCK_GATEWAY_PORT", "18080",
                "TICKSTOCK_INGEST_PORT", "18081", "TICKSTOCK_PROCESSOR_PORT", "18082"),
                new Console(new PrintStream(out, true), new PrintStream(err, true)));
    }

    private int run(String... args) {
        return Launcher.run(invocation(), args);
    }

    @Test
    void perfsHelpDescribesEveryScenarioWithThisStacksBrokerAndPorts() {
        assertThat(run("perf", "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: ./tickstock perf SCENARIO [OPTIONS]")
                .contains("(127.0.0.1:19092, :18080, :18081, :18082)", "--containers", "--jfr")
                .doesNotContain("${");
        Scenario.ids().forEach(id -> assertThat(out.toString()).contains("\n  " + id + " "));
    }

    @Test
    void chaossHelpDescribesEveryScenario() {
        assertThat(run("chaos")).isZero();

        assertThat(out.toString()).startsWith("Usage: ./tickstock chaos kill|broker|sigterm|all|dedup [OPTIONS]")
                .contains("$TICKSTOCK_HOME/chaos").doesNotContain("${");
        Arrays.stream(ChaosScenario.values()).forEach(s -> assertThat(out.toString()).contains("\n  " + s.id() + " "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "perf rush                     | tickstock: perf: unknown scenario 'rush'; choose one of: market_open_surge "
                + "steady_state ohlcv_burst ramp fanout fanout_firehose smoke (or 'report').",
        "perf smoke --duplicates 2     | tickstock: perf: --duplicates must be a fraction 0 … 1, not '2'.",
        "perf smoke --bogus            | tickstock: perf: unknown option '--bogus'. See './tickstock perf --help'.",
        "perf smoke --minutes x        | tickstock: perf: Invalid value for option '--minutes': 'x' is not a double",
        "perf smoke --gateway ws://x   | tickstock: perf: option '--gateway' (<gateway>) should be specified only once",
        "chaos quake                   | tickstock: chaos: unknown scenario 'quake'; choose kill, broker, sigterm, all "
                + "or dedup.",
        "chaos kill --duplicates=x     | tickstock: chaos: --duplicates must be a fraction 0 … 1, not 'x'.",
        "chaos kill --kills many       | tickstock: chaos: Invalid value for option '--kills': 'many' is not an int"})
    void whatCannotBeRunIsSaidBeforeAnyStackStartsAndExitsTwo(String command, String message) {
        assertThat(run(command.trim().split(" +"))).isEqualTo(2);

        assertThat(err.toString()).startsWith(message.trim());
        assertThat(home.resolve("perf")).doesNotExist();
        assertThat(home.resolve("chaos")).doesNotExist();
    }

    @Test
    void perfRefusesAStackOfWhichOnlyAPartRuns() throws IOException {
        marked = markedComponent(home, "kafka");

        assertThat(run("perf", "smoke")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tickstock: perf: part of the stack runs (kafka). Start all of it "
                + "(./tickstock up) or stop it (./tickstock down).\n");
        assertThat(marked.isAlive()).isTrue();
    }

    @Test
    void chaosNeverStartsOverAnotherRunsStack() throws IOException {
        marked = markedComponent(home.resolve("chaos"), "gateway");

        assertThat(run("chaos", "kill", "--kills", "3")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tickstock: chaos: another run's stack is running in " + home.resolve(
                "chaos") + " (gateway). Wait for it to end, or stop it: TICKSTOCK_HOME=" + home.resolve("chaos")
                + " ./tickstock down\n");
        assertThat(marked.isAlive()).isTrue();
    }

    @Test
    void theRecordedCommandLineHasTheScenarioTheSizingThenWhatGoesToTheHarnessInItsOrder() {
        PerfLauncher perf = new PerfLauncher(invocation());
        new CommandLine(perf).parseArgs("ramp", "--step-seconds", "30", "--keep", "--containers", "--jfr",
                "--duplicates", "0.1", "--p99-limit-ms", "40");
        ChaosLauncher chaos = new ChaosLauncher(invocation());
        new CommandLine(chaos).parseArgs("kill", "--containers", "--seed", "8", "--limits");

        assertThat(perf.harness).containsExactly("--step-seconds", "30", "--p99-limit-ms", "40");
        assertThat(perf.command()).isEqualTo("./tickstock perf ramp --containers --step-seconds 30 --p99-limit-ms 40");
        assertThat(chaos.command()).isEqualTo("./tickstock chaos kill --limits --seed 8");
    }

    @Test
    void aPlainRunIsRecordedAsTheScriptAlwaysRecordedIt() {
        PerfLauncher perf = new PerfLauncher(invocation());
        new CommandLine(perf).parseArgs("smoke");

        assertThat(perf.command()).isEqualTo("./tickstock perf smoke ");
    }

    /** A harmless process that the stack in {@code dir} takes for its component {@code name} (pid file, marker). */
    private static Process markedComponent(Path dir, String name) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", "sleep 60", "-Dtickstock.component=" + name).start();
        Files.createDirectories(dir.resolve("pids"));
        Files.writeString(dir.resolve("pids").resolve(name + ".pid"), process.pid() + "\n");
        return process;
    }
}
