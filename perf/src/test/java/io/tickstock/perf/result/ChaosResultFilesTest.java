package io.tickstock.perf.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every chaos result on record still reads; those written before the dedup audit existed read without one. */
class ChaosResultFilesTest {

    private static final Path CHAOS = Path.of("results/chaos");

    @Test
    void everyChaosResultOnRecordReadsAndOnlyDedupRunsCarryAnAudit() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(CHAOS)) {
            files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ChaosResult result = ResultFiles.read(file, ChaosResult.class);
            assertThat(result.dedup() != null).as(file.toString()).isEqualTo(result.scenario().equals("dedup"));
        }
    }
}
