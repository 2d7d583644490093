package io.tickstock.stack.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.process.MarkedProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping, killing and restarting by name, tried on real (harmless) processes carrying the marker. */
class ComponentsTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private Process marked;

    @AfterEach
    void stop() {
        if (marked != null) {
            marked.destroyForcibly();
        }
    }

    private Stack stack() {
        return new Stack(StackLayout.fromEnvironment(Path.of(".."), Map.of("TICKSTOCK_HOME", home.toString())),
                Console.to(new PrintStream(said, true)));
    }

    private Components running(String name, String script) {
        Stack stack = stack();
        marked = MarkedProcess.start(name, script);
        stack.pids().write(name, marked.pid());
        await().until(() -> stack.alive(name));
        return new Components(stack);
    }

    @Test
    void stopSendsSigtermAndForgetsThePidFile() {
        Components components = running("gateway", "trap 'exit 0' TERM; sleep 60 & wait");

        components.stop("gateway");

        assertThat(marked.isAlive()).isFalse();
        assertThat(said.toString()).contains("==> stopping gateway (pid " + marked.pid() + ")");
        assertThat(stack().pids().exists("gateway")).isFalse();
    }

    @Test
    void stopOfAStrangerUnderAStalePidFileLeavesItAloneAndForgetsTheFile() {
        Stack stack = stack();
        stack.pids().write("kafka", ProcessHandle.current().pid());

        new Components(stack).stop("kafka");

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(stack.pids().exists("kafka")).isFalse();
        assertThat(said.toString()).isEmpty();
    }

    @Test
    void killEndsItAtOnceWhateverItTraps() {
        Components components = running("ingest", "trap '' TERM; sleep 60 & wait");

        components.kill("ingest");

        assertThat(marked.isAlive()).isFalse();
    }

    @Test
    void terminateSaysHowLongTheProcessTookOrMinusOneWhenItIgnoredTheSignal() {
        Components components = running("processor", "trap '' TERM; while true; do sleep 1; done");

        assertThat(components.terminate("processor", Duration.ofMillis(300))).isEqualTo(-1);
        assertThat(marked.isAlive()).isTrue();
    }

    @Test
    void aComponentThatDoesNotRunCannotBeKilled() {
        assertThatThrownBy(() -> new Components(stack()).kill("gateway")).hasMessageContaining("gateway does not run");
    }

    @Test
    void restartRefusesAnUnknownComponentAndAnInstanceNeverStartedHere() {
        Components components = new Components(stack());

        assertThatThrownBy(() -> components.restart(List.of("zookeeper"), false)).hasMessage("restart: unknown "
                + "component 'zookeeper'; choose kafka, processor[-N], gateway[-N] or ingest.");
        assertThatThrownBy(() -> components.restart(List.of("ingest-2"), false)).hasMessageContaining("unknown");
        assertThatThrownBy(() -> components.restart(List.of("processor-2"), false)).hasMessage("restart: processor-2 "
                + "was never started here; use ./tickstock up or scale.");
    }
}
