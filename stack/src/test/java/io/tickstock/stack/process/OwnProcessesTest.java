package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one promise that matters most in a tool that kills processes: it never takes a stranger for a component. */
class OwnProcessesTest {

    @TempDir
    Path dir;

    private Process marked;

    @AfterEach
    void stop() {
        if (marked != null) {
            marked.destroyForcibly();
        }
    }

    private OwnProcesses processes() {
        return new OwnProcesses(new PidFiles(dir), dir.resolve("prometheus.yml"));
    }

    @Test
    void aLiveProcessWithoutTheMarkerIsNotTheComponentItsPidFileNames() {
        // this test's own JVM: alive, but its command line does not say -Dtickstock.component=gateway
        new PidFiles(dir).write("gateway", ProcessHandle.current().pid());

        assertThat(processes().find("gateway")).isEmpty();
        assertThat(processes().alive("gateway")).isFalse();
    }

    @Test
    void aProcessCarryingTheMarkerIsTheComponent() {
        marked = MarkedProcess.start("gateway");
        new PidFiles(dir).write("gateway", marked.pid());

        await().until(() -> processes().alive("gateway"));
        assertThat(processes().find("gateway")).map(ProcessHandle::pid).hasValue(marked.pid());
    }

    @Test
    void theMarkerOfOneInstanceIsNotAnothersPrefix() {
        marked = MarkedProcess.start("processor-2");
        new PidFiles(dir).write("processor", marked.pid());
        new PidFiles(dir).write("processor-2", marked.pid());

        await().until(() -> processes().alive("processor-2"));
        assertThat(processes().alive("processor")).isFalse();
    }

    @Test
    void anEndedProcessOrAnUnreadablePidFileIsNoComponent() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        new PidFiles(dir).write("kafka", ended.pid());
        Files.writeString(dir.resolve("ingest.pid"), "not a pid");

        assertThat(processes().find("kafka")).isEmpty();
        assertThat(processes().find("ingest")).isEmpty();
        assertThat(processes().find("processor")).isEmpty();
    }

    @Test
    void prometheusIsKnownByTheConfigurationOnlyOursIsStartedWith() {
        assertThat(processes().marker("prometheus")).isEqualTo("--config.file=" + dir.resolve("prometheus.yml") + " ");
        assertThat(processes().marker("kafka")).isEqualTo("-Dtickstock.component=kafka ");
    }
}
