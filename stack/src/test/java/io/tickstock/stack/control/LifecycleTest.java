package io.tickstock.stack.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickstock.stack.layout.StackLayout;
import io.tickstock.stack.process.MarkedProcess;
import io.tickstock.stack.sizing.Sizing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    private Stack stack() {
        return new Stack(StackLayout.fromEnvironment(Path.of(".."), Map.of("TICKSTOCK_HOME", home.toString())),
                Console.to(new PrintStream(said, true)));
    }

    @Test
    void aStoppedStackTakesTheSizingAskedForAndAPlainUpGoesBackToTheLocalHeaps() {
        Stack stack = stack();
        new Lifecycle(stack).chooseSizing(Sizing.K8S);
        assertThat(stack.sizing()).isEqualTo(Sizing.K8S);

        new Lifecycle(stack).chooseSizing(Sizing.LOCAL);
        assertThat(stack.sizing()).isEqualTo(Sizing.LOCAL);
    }

    @Test
    void aRunningStackKeepsItsSizingSoEveryInstanceIsStartedAlike() {
        Stack stack = stack();
        Sizing.K8S.keep(stack.home());
        Process gateway = MarkedProcess.start("gateway");
        try {
            stack.pids().write("gateway", gateway.pid());
            await().until(() -> stack.alive("gateway"));

            assertThatThrownBy(() -> new Lifecycle(stack).chooseSizing(Sizing.CONTAINERS)).hasMessage("up "
                    + "--containers: the stack already runs as processes with the Kubernetes heaps (--limits). Stop it "
                    + "first (./tickstock down), so every component is started alike.");
            new Lifecycle(stack).chooseSizing(Sizing.LOCAL);
            assertThat(stack.sizing()).isEqualTo(Sizing.K8S);

            assertThat(new Lifecycle(stack).down()).isTrue();
            assertThat(gateway.isAlive()).isFalse();
            assertThat(stack.sizing()).isEqualTo(Sizing.LOCAL);
            assertThat(new Lifecycle(stack).down()).isFalse();
        } finally {
            gateway.destroyForcibly();
        }
    }

    @Test
    void aCleanSlateHasNoTopicsAndNoProcessorStateButKeepsTheBrokersJars() throws IOException {
        Stack stack = stack();
        for (String dir : new String[] {"kafka/data/tickstock.events-0", "kafka/libs", "processor-state/0_1",
            "processor-state-2", "logs"}) {
            Files.createDirectories(home.resolve(dir));
        }

        new Lifecycle(stack).wipeState();

        assertThat(home.resolve("kafka/data")).doesNotExist();
        assertThat(home.resolve("processor-state")).doesNotExist();
        assertThat(home.resolve("processor-state-2")).doesNotExist();
        assertThat(home.resolve("kafka/libs")).exists();
        assertThat(home.resolve("logs")).exists();
    }
}
