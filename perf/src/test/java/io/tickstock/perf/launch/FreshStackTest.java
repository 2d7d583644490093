package io.tickstock.perf.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.perf.result.RunRules;
import io.tickstock.stack.sizing.Sizing;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stack note is a format the report reads back; the environment is what the services of the run see. */
class FreshStackTest {

    private static final Path HOME = Path.of("/tmp/home/perf");

    @Test
    void aDefaultFreshStackIsNotedWithItsDuplicatesOnly() {
        assertThat(new FreshStack("0.05", Sizing.LOCAL, false).note(Map.of("PATH", "/bin")))
                .isEqualTo("a fresh stack started for this run (injected duplicates 0.05)");
    }

    @Test
    void theNoteNamesTheSizingJfrTheJvmOptionsAndTheOverriddenSettingsInThatOrder() {
        Map<String, String> user = Map.of("TICKSTOCK_JAVA_OPTS", "-XX:+UseZGC",
                "TICKSTOCK_PROCESSOR_ENGINE_BATCH", "64", "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "50");

        assertThat(new FreshStack("0.1", Sizing.K8S, true).note(user)).isEqualTo("a fresh stack started for this run "
                + "(injected duplicates 0.1, Kubernetes memory sizing), JFR on, JVM options: -XX:+UseZGC, configured: "
                + "KAFKA_STREAMS_COMMIT_INTERVAL_MS=50 TICKSTOCK_PROCESSOR_ENGINE_BATCH=64");
        assertThat(new FreshStack("0", Sizing.CONTAINERS, false).note(Map.of())).isEqualTo("a fresh stack started "
                + "for this run (injected duplicates 0, Kubernetes memory sizing enforced: every component in its "
                + "container under its k8s/base limit)");
    }

    @Test
    void theReportReadsTheOverriddenSettingsBackFromTheNote() {
        String note = new FreshStack("0.05", Sizing.LOCAL, false).note(Map.of("TICKSTOCK_GATEWAY_QUEUE_SIZE", "10",
                "TICKSTOCK_INGEST_SIMULATOR_SEED", "7"));

        assertThat(RunRules.configuredIn(note)).containsExactly("TICKSTOCK_GATEWAY_QUEUE_SIZE=10",
                "TICKSTOCK_INGEST_SIMULATOR_SEED=7");
        assertThat(RunRules.configuredIn(FreshStack.REUSED)).isNull();
    }

    @Test
    void portsAuthAndOtherVariablesAreNotRecordedAsSettings() {
        assertThat(FreshStack.configured(Map.of("TICKSTOCK_GATEWAY_PORT", "28080", "TICKSTOCK_GATEWAY_AUTH_SECRET",
                "s3cret", "TICKSTOCK_HOME", "/tmp", "TICKSTOCK_JAVA_OPTS", "-Xss1m", "HOME", "/root"))).isEmpty();
    }

    @Test
    void theStacksServicesGetTheDuplicatesALengthNoRunOutlastsAndTheFlightRecorder() {
        Map<String, String> env = new FreshStack("0.2", Sizing.LOCAL, true).environment(Map.of("TICKSTOCK_JAVA_OPTS",
                "-Xss1m", "TICKSTOCK_GATEWAY_PORT", "28080"), HOME);

        assertThat(env).containsEntry("TICKSTOCK_HOME", HOME.toString())
                .containsEntry("TICKSTOCK_INGEST_SIMULATOR_DUPLICATE_RATE", "0.2")
                .containsEntry("TICKSTOCK_INGEST_SIMULATOR_DURATION", "1d")
                .containsEntry("TICKSTOCK_GATEWAY_PORT", "28080")
                .containsEntry("TICKSTOCK_JAVA_OPTS", "-Xss1m -XX:StartFlightRecording=filename=" + HOME
                        + "/jfr/,settings=profile,dumponexit=true");
    }

    @Test
    void aLengthTheUserChoseIsKeptAndWithoutJfrTheJvmOptionsAreTheUsers() {
        Map<String, String> env = new FreshStack("0.05", Sizing.LOCAL, false).environment(Map.of(
                "TICKSTOCK_INGEST_SIMULATOR_DURATION", "2h", "TICKSTOCK_JAVA_OPTS", "-Xss1m"), HOME);

        assertThat(env).containsEntry("TICKSTOCK_INGEST_SIMULATOR_DURATION", "2h")
                .containsEntry("TICKSTOCK_JAVA_OPTS", "-Xss1m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "1.5", "-0.1", "0.", "half"})
    void duplicatesMustBeAFraction(String duplicates) {
        assertThatThrownBy(() -> new FreshStack(duplicates, Sizing.LOCAL, false))
                .hasMessage("--duplicates must be a fraction 0 … 1, not '" + duplicates + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.05", ".5"})
    void aFractionIsTaken(String duplicates) {
        assertThat(new FreshStack(duplicates, Sizing.LOCAL, false).summary())
                .isEqualTo("injected duplicates: " + duplicates);
    }
}
