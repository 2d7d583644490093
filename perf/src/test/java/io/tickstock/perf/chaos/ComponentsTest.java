package io.tickstock.perf.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.stack.layout.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one promise that matters most in a tool that kills processes: it never signals a stranger. */
class ComponentsTest {

    @TempDir
    Path home;

    private Components components() throws IOException {
        Files.createDirectories(home.resolve("pids"));
        return new Components(StackLayout.fromEnvironment(Path.of(".."), Map.of("TICKSTOCK_HOME", home.toString())));
    }

    @Test
    void aPidFileNamingAProcessWithoutTheComponentsMarkerIsNotThatComponent() throws IOException {
        Components components = components();
        // this test's own JVM: alive, but its command line does not say -Dtickstock.component=gateway
        Files.writeString(home.resolve("pids/gateway.pid"), Long.toString(ProcessHandle.current().pid()));

        assertThat(components.process("gateway")).isEmpty();
        assertThat(components.pid("gateway")).isEqualTo(-1);
        assertThatThrownBy(() -> components.kill("gateway")).hasMessageContaining("gateway does not run");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aMissingOrUnreadablePidFileIsNoProcess() throws IOException {
        Components components = components();
        Files.writeString(home.resolve("pids/ingest.pid"), "not a pid");

        assertThat(components.process("ingest")).isEmpty();
        assertThat(components.process("processor")).isEmpty();
        assertThatThrownBy(() -> components.terminate("processor", java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("processor does not run");
    }
}
