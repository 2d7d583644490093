package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchTest {

    @TempDir
    Path dir;

    @Test
    void aComponentRunsInASessionOfItsOwnWithExactlyItsEnvironmentItsOutputAppendedToItsLog() throws IOException {
        Path log = dir.resolve("logs/probe.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "before\n");
        PidFiles pids = new PidFiles(dir.resolve("pids"));

        ProcessHandle process = new Launch("probe", List.of("sh", "-c", "echo \"setting=$SETTING home=$HOME\"; "
                + "sleep 60", OwnProcesses.componentMarker("probe")), Map.of("SETTING", "on"), log).start(pids);
        try {
            await().until(() -> Files.readString(log).contains("setting"));

            assertThat(Files.readString(log)).isEqualTo("before\nsetting=on home=\n");
            assertThat(pids.read("probe")).hasValue(process.pid());
            // field 6 of /proc/PID/stat: the session; setsid makes the component its leader
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            assertThat(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]).isEqualTo(Long.toString(process.pid()));
            assertThat(new OwnProcesses(pids, dir).alive("probe")).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theServicesRunOnThisJvm() {
        assertThat(Launch.java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
