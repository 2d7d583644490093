package io.tickstock.perf.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every result on record is read, from the scenarios' record and the sets kept apart; none is dropped unseen. */
class ResultFilesTest {

    @TempDir
    Path results;

    /** A run's result with only what the record needs: scenario, start, verdict, configuration. */
    private static RunResult run(String scenario, long startedAt, String verdict) {
        return new RunResult(scenario, "", startedAt, 60, verdict, List.of(), List.of(),
                new RunResult.Configuration(scenario, List.of(), List.of(), 50, 15, "a fresh stack", "", "", "",
                        "./tickstock perf " + scenario), null, null, Map.of(), null, List.of(), List.of(), List.of(),
                null, List.of(), Map.of(), 0, Map.of(), List.of(), List.of(), null);
    }

    private static ChaosResult chaos(long startedAt, String verdict, List<RunResult.Check> targets) {
        return new ChaosResult("kill", "", startedAt, 60, verdict, List.of(), List.of(), null, null, null, List.of(),
                0, List.of(), Map.of(), null, targets, Map.of(), null, null);
    }

    private void write(String set, String name, RunResult run) {
        ResultFiles.write(results.resolve(set), name, run.startedAtMillis(), run);
    }

    @Test
    void everyRunOnRecordIsReadOldestFirstWithTheSetThatKeepsIt() {
        write("", "market_open_surge", run("market_open_surge", 2_000_000, RunResult.PASSED));
        write("", "market_open_surge", run("market_open_surge", 1_000_000, RunResult.FAILED));
        write("flood", "market_open_surge-x20", run("market_open_surge", 1_500_000, RunResult.PASSED));
        write("fanout-500", "fanout", run("fanout", 4_000_000, RunResult.FAILED));
        ResultFiles.write(results.resolve("chaos"), "kill", 1_000_000, chaos(1_000_000, ChaosResult.PASSED,
                List.of()));

        List<Recorded<RunResult>> runs = ResultFiles.runs(results);

        assertThat(runs).extracting(Recorded::name).containsExactly("market_open_surge-19700101-001640.json",
                "flood/market_open_surge-x20-19700101-002500.json", "market_open_surge-19700101-003320.json",
                "fanout-500/fanout-19700101-010640.json");
        assertThat(runs).extracting(Recorded::keptApart).containsExactly(false, true, false, true);
        assertThat(runs.get(0).result().verdict()).isEqualTo(RunResult.FAILED);
        assertThat(ResultFiles.latestOfRecord(runs)).as("a run kept apart is not its scenario's latest")
                .containsOnlyKeys("market_open_surge").extractingByKey("market_open_surge")
                .extracting(RunResult::startedAtMillis).isEqualTo(2_000_000L);
        assertThat(ResultFiles.chaosRuns(results)).extracting(Recorded::name)
                .containsExactly("chaos/kill-19700101-001640.json");
    }

    @Test
    void chaosRunsAreReadOldestFirst() {
        for (long at : new long[] {2_000_000, 3_000_000, 1_000_000}) {
            ResultFiles.write(results.resolve("chaos"), "kill-" + at, at, chaos(at, ChaosResult.PASSED, List.of()));
        }

        assertThat(ResultFiles.chaosRuns(results)).extracting(r -> r.result().startedAtMillis())
                .containsExactly(1_000_000L, 2_000_000L, 3_000_000L);
    }

    @Test
    void noResultsDirectoryIsNoRuns() {
        assertThat(ResultFiles.runs(results.resolve("absent"))).isEmpty();
        assertThat(ResultFiles.chaosRuns(results.resolve("absent"))).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadFailsTheReadWithItsName() throws IOException {
        write("", "ramp", run("ramp", 1_000, RunResult.PASSED));
        Files.createDirectories(results.resolve("flood"));
        Files.writeString(results.resolve("flood/broken.json"), "{\"scenario\": ");

        assertThatThrownBy(() -> ResultFiles.runs(results)).hasMessageContaining("flood/broken.json");
    }

    @Test
    void aFileWithoutAFigureOfTheRecordFailsTheReadWithItsName() throws IOException {
        Files.writeString(results.resolve("ramp-1.json"), "{\"scenario\": \"ramp\", \"verdict\": \"PASSED\"}");

        assertThatThrownBy(() -> ResultFiles.runs(results)).hasMessageContaining("ramp-1.json");
    }

    @Test
    void aResultWithoutItsScenarioOrWithAnotherVerdictFailsTheReadWithItsName() {
        write("", "nameless", run(null, 1_000, RunResult.PASSED));
        assertThatThrownBy(() -> ResultFiles.runs(results)).hasMessageContaining("nameless-")
                .hasMessageContaining("with its scenario, start, configuration and verdict");

        write("flood", "ramp", run("ramp", 1_000, "SKIPPED"));
        assertThatThrownBy(() -> ResultFiles.runs(results.resolve("flood"))).hasMessageContaining("ramp-");
    }

    @Test
    void aChaosResultWithoutItsTargetsFailsTheReadWithItsName() {
        ResultFiles.write(results.resolve("chaos"), "kill", 1_000, chaos(1_000, ChaosResult.PASSED, null));

        assertThatThrownBy(() -> ResultFiles.chaosRuns(results)).hasMessageContaining("kill-19700101-000001.json")
                .hasMessageContaining("with its scenario, start, verdict and targets");
    }

    @Test
    void aFileThatIsNotAResultIsAnErrorNotASkip() throws IOException {
        write("", "ramp", run("ramp", 1_000, RunResult.PASSED));
        Files.writeString(results.resolve("README.md"), "notes");

        assertThatThrownBy(() -> ResultFiles.runs(results)).hasMessageContaining("README.md")
                .hasMessageContaining("is not a result file");
    }

    @Test
    void aSetKeptApartMaySayWhyInItsReadmeTheRecordMayNot() throws IOException {
        write("trials", "ramp", run("ramp", 1_000, RunResult.PASSED));
        Files.writeString(results.resolve("trials").resolve("README.md"), "which setting each run tried");

        assertThat(ResultFiles.runs(results)).extracting(Recorded::name)
                .containsExactly("trials/ramp-19700101-000001.json");

        Files.writeString(results.resolve("trials").resolve("notes.txt"), "notes");
        assertThatThrownBy(() -> ResultFiles.runs(results)).hasMessageContaining("notes.txt");
    }

    @Test
    void everyResultOnRecordInThisRepositoryIsReadable() {
        Path onRecord = Path.of("results");

        assertThat(ResultFiles.runs(onRecord)).as("the report and the readiness read these").isNotEmpty()
                .anyMatch(Recorded::keptApart);
        assertThat(ResultFiles.chaosRuns(onRecord)).isNotEmpty();
    }
}
