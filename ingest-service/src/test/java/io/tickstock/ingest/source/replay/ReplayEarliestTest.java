package io.tickstock.ingest.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.ingest.RecordingPublisher;
import io.tickstock.ingest.TestIntakes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a file would bring to each symbol, read as a replay reads it, with nothing published or dead-lettered. */
class ReplayEarliestTest {

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void csvBarsGiveTheirSymbolTheEndOfTheFirstBar() throws Exception {
        Map<String, Long> earliest = earliest(ReplayToKafkaTest.resource("MSFT_1min_2023-07-10.csv"), 1 << 20);

        assertThat(earliest).containsExactly(Map.entry("MSFT", Instant.parse("2023-07-10T13:31:00Z").toEpochMilli()));
        assertNothingPublished();
    }

    @Test
    void aRecordedSessionGivesEachSymbolItsEarliestMessageWhateverTheFeed() throws Exception {
        Map<String, Long> earliest = earliest(ReplayToKafkaTest.resource("session.ndjson"), 1 << 20);

        assertThat(earliest).containsExactly(Map.entry("RPLT", 1_688_995_800_000L));
        assertNothingPublished();
    }

    @Test
    void linesOverTheFrameLimitAreSkippedNotDeadLettered() throws Exception {
        // at 100 bytes only the FMV quote's line is whole: the trades before it are cut
        Map<String, Long> earliest = earliest(ReplayToKafkaTest.resource("session.ndjson"), 100);

        assertThat(earliest).containsExactly(Map.entry("RPLT", 1_688_995_802_000L));
        assertNothingPublished();
    }

    private Map<String, Long> earliest(Path file, int maxLineBytes) throws Exception {
        ReplayJob job = new ReplayJob(file, ReplayJob.Format.of(file), TestIntakes.wallClock(publisher),
                new ReplayPacer(0, System::nanoTime, nanos -> { }), null, ZoneOffset.UTC, maxLineBytes,
                Clock.systemUTC());
        return job.earliestBySymbol();
    }

    private void assertNothingPublished() {
        assertThat(publisher.accepted).isEmpty();
        assertThat(publisher.rejected).isEmpty();
    }
}
