package io.tickstock.perf.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The result files on record stay readable as the records grow, and say what their baseline was. */
class OldResultsTest {

    private static final Path RESULTS = Path.of("results");

    @Test
    void everyRunOnRecordReadsAndAnEndToEndLatencyBaselineSaysSo() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(RESULTS)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            RunResult run = ResultFiles.read(file);
            RunResult.Baseline baseline = run.baseline();
            if (baseline != null && baseline.probe() != null) {
                assertThat(baseline.source()).as(file.toString()).isEqualTo(RunResult.Baseline.END_TO_END_LATENCY);
                assertThat(baseline.kafkaP99Millis()).as(file.toString()).hasValue(baseline.probe().p99Ms());
            }
        }
    }

    @Test
    void aRampBeforeTheActualDurationWasReportedRanWhatItsStepsSayNotItsPlan() {
        RunResult ramp = ResultFiles.read(RESULTS.resolve("ramp-20261127-212035.json"));

        assertThat(ramp.configuration().phases()).hasSize(11);
        assertThat(ramp.configuration().phases().stream().mapToDouble(RunResult.PhaseConfig::seconds).sum())
                .as("the plan: 8.25 min").isEqualTo(495);
        assertThat(ramp.steps()).hasSize(2);
        assertThat(ramp.inputSeconds()).isBetween(50.0, 51.0);
    }

    @Test
    void theSurgeWhoseProbeLandedOnTheSecondBurstHasNoKafkaFigurePerInterval() {
        RunResult surge = ResultFiles.read(RESULTS.resolve("market_open_surge-20261207-052415.json"));

        assertThat(surge.baseline().source()).isEqualTo("EndToEndLatency");
        assertThat(surge.baseline().kafka()).isNull();
        assertThat(surge.baseline().simulatorLag()).isNull();
        assertThat(surge.baseline().tickP99OverKafkaP99()).isEqualTo(200.4);
        assertThat(surge.timeline()).allSatisfy(point -> {
            assertThat(point.kafka()).isNull();
            assertThat(point.tickFromSchedule()).isNull();
        });
    }
}
