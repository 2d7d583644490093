package io.tickstock.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void aServiceThatWasNeverPackagedIsNamedWithWhatToRun() {
        assertThatThrownBy(() -> ServiceProcess.start("nothing", "no-such-module", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-module/target/quarkus-app/quarkus-run.jar is missing: run the build");
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
        }
    }
}
