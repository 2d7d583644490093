package io.tickstock.stack.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.stack.control.Console;
import io.tickstock.stack.control.Stack;
import io.tickstock.stack.layout.StackLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The command line as operators meet it: the help, the refusals and their exit codes. */
class StackCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        StackLayout layout = StackLayout.fromEnvironment(Path.of(System.getProperty("tickstock.root", "..")), Map.of(
                "TICKSTOCK_HOME", home.toString(), "TICKSTOCK_KAFKA_PORT", "19092", "TICKSTOCK_PROCESSOR_PORT",
                "18082", "TICKSTOCK_GATEWAY_PORT", "18080"));
        PrintStream errors = new PrintStream(err, true);
        return StackCommand.run(new Stack(layout, new Console(new PrintStream(out, true), errors)), errors, args);
    }

    @Test
    void upsHelpExplainsEveryOptionWithThisStacksBrokerAndPorts() {
        assertThat(run("up", "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: ./tickstock up [--source simulator|provider|none]")
                .contains("broker on 127.0.0.1:19092", "starts the processor\n(:18082), the gateway (:18080)",
                        "--fresh", "--containers", "TICKSTOCK_INSTANCE_PORT_STEP").doesNotContain("${");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "down      | Usage: ./tickstock down",
        "restart   | Usage: ./tickstock restart [--no-wait] COMPONENT...",
        "scale     | Usage: ./tickstock scale processor|gateway N",
        "status    | Usage: ./tickstock status [--brief]",
        "logs      | Usage: ./tickstock logs [kafka|processor|gateway|ingest|processor-N|gateway-N] [-f]",
        "images    | Usage: ./tickstock images [--stale]"})
    void everyCommandHasItsHelp(String command, String usage) {
        assertThat(run(command, "-h")).isZero();
        assertThat(out.toString()).startsWith(usage);
    }

    @Test
    void scalesHelpNamesWhereTheSecondInstancesListen() {
        run("scale", "--help");
        assertThat(out.toString()).contains("processor-2 on :18092, gateway-2 on :18090");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "up --bogus                 | tickstock: up: unknown option '--bogus'. See './tickstock up --help'.",
        "up --source kafka          | tickstock: up: --source must be simulator, provider or none, not 'kafka'.",
        "up --processors 10         | tickstock: up: --processors must be a number from 1 to 9, not '10'.",
        "up --gateways x            | tickstock: up: --gateways must be a number from 1 to 9, not 'x'.",
        "up --profile rush          | tickstock: up: --profile must be demo, market_open_surge, steady_state or trades, not 'rush'.",
        "up --source provider       | tickstock: up --source provider needs TICKSTOCK_PROVIDER_URL",
        "down now                   | tickstock: down: takes no arguments.",
        "images all                 | tickstock: images: takes no arguments.",
        "images --missing           | tickstock: images: unknown option '--missing'. See './tickstock images --help'.",
        "scale                      | tickstock: scale: which service? e.g. ./tickstock scale processor 2",
        "scale ingest 2             | tickstock: scale: the ingest service runs once",
        "scale broker 2             | tickstock: scale: unknown service 'broker'; choose processor or gateway.",
        "scale gateway              | tickstock: scale: how many instances of the gateway? A number from 1 to 9",
        "scale gateway 2            | tickstock: scale needs the running stack: start it with ./tickstock up first.",
        "restart                    | tickstock: restart: which component? e.g. ./tickstock restart processor",
        "restart --now              | tickstock: restart: unknown option '--now'. See './tickstock restart --help'.",
        "restart processor          | tickstock: restart: processor was never started here",
        "status --long              | tickstock: status: unknown option '--long'. See './tickstock status --help'.",
        "logs broker                | tickstock: logs: unknown service 'broker'",
        "logs gateway               | tickstock: no log for gateway yet: it has not been started"})
    void whatCannotBeDoneIsSaidAndExitsOne(String command, String message) {
        assertThat(run(command.trim().split(" +"))).isEqualTo(1);
        assertThat(err.toString()).contains(message.trim());
    }

    @Test
    void statusOfAStoppedStackSaysEachComponentIsDownAndExitsOne() {
        assertThat(run("status")).isEqualTo(1);
        assertThat(out.toString()).containsPattern("kafka +down").containsPattern("processor +down")
                .containsPattern("gateway +down").containsPattern("ingest +down");
    }

    @Test
    void downOfAStoppedStackSaysSo() {
        assertThat(run("down")).isZero();
        assertThat(out.toString()).isEqualTo("==> nothing was running\n");
    }

    @Test
    void theShellAsksForTheLayoutAsBashAssignments() {
        assertThat(run("shell", "layout")).isZero();
        assertThat(out.toString()).contains("STATE='" + home + "'", "BOOTSTRAP='127.0.0.1:19092'",
                "declare -gA PORT=([processor]=18082 [gateway]=18080 [ingest]=8081)",
                "declare -gA MODULE=([processor]=channel-processor [gateway]=ws-gateway [ingest]=ingest-service)");
        out.reset();
        assertThat(run("shell", "running", "kafka", "gateway")).isZero();
        assertThat(out.toString()).isEmpty();
    }
}
