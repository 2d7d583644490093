package io.tickstock.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.model.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakTest {

    @TempDir
    Path results;

    /** A steady_state result of {@code minutes}, a point every 5 s, the processor's RSS following {@code rss(t)}. */
    private static ObjectNode run(double minutes, DoubleUnaryOperator rss, boolean heap) {
        ObjectNode run = Json.mapper().createObjectNode();
        run.put("scenario", "steady_state").put("startedAt", "2026-11-27T21:05:00Z").put("verdict", "PASSED");
        ObjectNode configuration = run.putObject("configuration");
        configuration.put("stack", "a fresh stack").put("command", "./tickstock perf steady_state --minutes 60");
        configuration.putArray("phases").addObject().put("multiplier", 1).put("seconds", minutes * 60);
        run.putArray("groups").addObject().put("name", "all").put("stalls", false).put("lost", 0)
                .put("duplicated", 0);
        ArrayNode timeline = run.putArray("timeline");
        for (double t = 5; t <= minutes * 60; t += 5) {
            ObjectNode point = timeline.addObject().put("t", t);
            point.putObject("rssMb").put("processor", rss.applyAsDouble(t)).put("gateway", 200).put("ingest", 250)
                    .put("kafka", 600 + t / 10);
            if (heap) {
                point.putObject("heapMb").put("processor", 100).put("gateway", 50).put("ingest", 60);
            }
        }
        return run;
    }

    private void write(String name, ObjectNode run) throws IOException {
        Files.writeString(results.resolve(name), run.toString());
    }

    @Test
    void aFlatHourAfterWarmUpIsAGoWhateverTheWarmUpAndTheBrokerDid() throws IOException {
        // the warm-up may climb (JIT, caches, RocksDB filling); the broker is not judged
        write("steady_state-20261127-210500.json", run(60, t -> t < Soak.WARMUP_SECONDS ? 300 + t / 4
                : 600 + t / 1000, false));

        Soak.Verdict soak = Soak.latest(results).orElseThrow();

        assertThat(soak.go()).isTrue();
        assertThat(soak.minutes()).isEqualTo(60);
        assertThat(soak.growth()).extracting(Soak.Growth::service).containsExactly("ingest", "processor", "gateway");
        assertThat(soak.growth().get(1).ratio()).isBetween(0.0, 0.05);
        assertThat(soak.unsampled()).containsExactly("heapMb");
    }

    @Test
    void growthOverFivePercentAfterWarmUpIsANoGo() throws IOException {
        write("steady_state-20261127-210500.json", run(60, t -> 600 + t / 50, true));

        Soak.Verdict soak = Soak.latest(results).orElseThrow();

        assertThat(soak.go()).isFalse();
        assertThat(soak.growth()).filteredOn(g -> !g.ok()).extracting(Soak.Growth::series, Soak.Growth::service)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rssMb", "processor"));
        assertThat(soak.unsampled()).isEmpty();
    }

    @Test
    void onlyARunOfAnHourOrMoreIsASoakAndTheLatestOneCounts() throws IOException {
        write("steady_state-20261127-180000.json", run(61, t -> 600 + t / 50, false));
        write("steady_state-20261127-200000.json", run(30, t -> 600, false));
        assertThat(Soak.latest(results)).hasValueSatisfying(s -> assertThat(s.file().getFileName().toString())
                .isEqualTo("steady_state-20261127-180000.json"));

        ObjectNode lossy = run(60, t -> 600, false);
        ((ObjectNode) lossy.path("groups").get(0)).put("lost", 3);
        write("steady_state-20261127-220000.json", lossy);
        assertThat(Soak.latest(results)).hasValueSatisfying(s -> {
            assertThat(s.lost()).isEqualTo(3);
            assertThat(s.go()).isFalse();
        });
    }

    @Test
    void aSoakThatRecordedNoRulesIsJudgedByTodaysAndSaysWhenTheyChanged() throws IOException {
        write("steady_state-20261127-210500.json", run(60, t -> 600, false));

        Soak.Verdict soak = Soak.latest(results).orElseThrow();

        assertThat(soak.judgedBy()).containsEntry("soak.warmupSeconds", 1_200.0)
                .containsEntry("soak.windowSeconds", 300.0).containsEntry("soak.maxGrowthPercent", 5.0);
        assertThat(soak.ruleNotes()).containsExactly(
                "the run recorded no soak rules (a result written before issue 15): judged by today's",
                "soak.warmupSeconds was 600 until 2026-11-27T22:43:56Z (2da216f), 98 min after the run started");
    }

    @Test
    void aSoakIsJudgedByTodaysRulesAndSaysWhereItRanUnderOthers() throws IOException {
        ObjectNode recorded = run(60, t -> 600, false);
        recorded.putObject("rules").put("kind", "perf").putObject("settings").put("soak.minSeconds", 3_600)
                .put("soak.warmupSeconds", 1_200).put("soak.windowSeconds", 300).put("soak.maxGrowthPercent", 5);
        write("steady_state-20261127-210500.json", recorded);
        assertThat(Soak.latest(results).orElseThrow().ruleNotes()).isEmpty();

        ((ObjectNode) recorded.path("rules").path("settings")).put("soak.warmupSeconds", 600);
        write("steady_state-20261127-210500.json", recorded);
        assertThat(Soak.latest(results).orElseThrow().ruleNotes())
                .containsExactly("soak.warmupSeconds: the run recorded 600.0, judged by 1200.0");
    }

    @Test
    void theNovemberSoakIsFlaggedAsJudgedByAWarmUpRaisedElevenMinutesBeforeIt() throws IOException {
        Path file = Path.of("results/steady_state-20261127-225507.json");
        Soak.Verdict soak = Soak.judge(file, Json.mapper().readTree(file.toFile()));

        assertThat(soak.ruleNotes()).contains(
                "soak.warmupSeconds was 600 until 2026-11-27T22:43:56Z (2da216f), 11 min before the run started");
        assertThat(soak.go()).isFalse();
    }

    /** Whichever soak is newest on record (a new soak must not break the build), under the rules it ran by. */
    @Test
    void theLatestSoakOnRecordIsTheNewestHourLongRunJudgedByTheRulesItRanUnder() throws IOException {
        Path onRecord = Path.of("results");
        Path newestHour;
        try (Stream<Path> files = Files.list(onRecord)) {
            newestHour = files.filter(f -> f.getFileName().toString().startsWith("steady_state-"))
                    .filter(f -> recordedCommand(f).contains("--minutes 60")).max(Comparator.naturalOrder())
                    .orElseThrow();
        }

        Soak.Verdict soak = Soak.latest(onRecord).orElseThrow();

        assertThat(soak.file().getFileName()).isEqualTo(newestHour.getFileName());
        assertThat(soak.ruleNotes()).isEmpty();
    }

    @Test
    void noSoakYetIsEmpty() {
        assertThat(Soak.latest(results)).isEmpty();
        assertThat(Soak.latest(results.resolve("missing"))).isEmpty();
    }

    private static String recordedCommand(Path result) {
        try {
            return Json.mapper().readTree(result.toFile()).path("configuration").path("command").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
