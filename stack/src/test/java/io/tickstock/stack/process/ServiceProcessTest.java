package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @Test
    void aServiceThatWasNeverPackagedIsNamedWithWhatToRun() {
        assertThatThrownBy(() -> ServiceProcess.start("nothing", "no-such-module", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-module/target/quarkus-app/quarkus-run.jar is missing: build it first");
    }

    @Test
    void aServiceThatExitsIsReportedWithItsLogInsteadOfWaitedFor() {
        // the packaged ingest service's production default reads the provider, and refuses to start without its URL
        ServiceProcess refusing = ServiceProcess.start("refusing-ingest", "ingest-service",
                Map.of("QUARKUS_PROFILE", "prod", "TICKSTOCK_PROVIDER_URL", ""));
        try (refusing) {
            assertThatThrownBy(refusing::awaitReady).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refusing-ingest exited with")
                    .hasMessageContaining("TICKSTOCK_PROVIDER_URL");
            assertThat(refusing.alive()).isFalse();
            assertThat(refusing.exitValue()).isNotZero();
        }
    }

    @Test
    void aPackagedAppStartsWithTheHeapAndLogItIsGiven(@TempDir Path logs) throws Exception {
        Path jar = Path.of(System.getProperty("tickstock.root", "..")).resolve(
                "ingest-service/target/quarkus-app/quarkus-run.jar");
        Path log = logs.resolve("nested/reference.log");
        ServiceProcess refusing = ServiceProcess.start("reference", jar, 64, log,
                Map.of("QUARKUS_PROFILE", "prod", "TICKSTOCK_PROVIDER_URL", ""));
        try (refusing) {
            assertThatThrownBy(refusing::awaitReady).hasMessageContaining("reference exited with");
            assertThat(ProcessHandle.of(refusing.pid())).isEmpty();
        }
        assertThat(Files.readString(log)).contains("TICKSTOCK_PROVIDER_URL");
    }
}
