package io.tickstock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.ingest.metrics.IngestCounters;
import io.tickstock.ingest.metrics.RejectLog;
import io.tickstock.ingest.normalize.FrameReader;
import io.tickstock.ingest.validate.Rules;
import io.tickstock.testsupport.FuzzedFrames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at the boundary ({@link FuzzedFrames}: valid frames mutated at random, plus pure noise). Whatever
 * arrives, nothing escapes as an exception and every received element is accounted for:
 * accepted + rejected == received.
 */
class IntakeFuzzTest {

    private static final int INPUTS = 20_000;

    @Test
    void nothingEscapesAndEveryElementIsAccountedFor() {
        FuzzedFrames frames = new FuzzedFrames(20240102, TestIntakes.NOW);
        RecordingPublisher published = new RecordingPublisher();
        IngestCounters counters = new IngestCounters(new SimpleMeterRegistry());
        Intake intake = new Intake(new FrameReader(4_096, 1_024), new Rules(TestIntakes.CLOCK, Duration.ofDays(1)),
                published, counters, new RejectLog(TestIntakes.CLOCK, 5));
        Origin origin = new Origin("fuzz", "test");
        long accepted = 0;
        long rejected = 0;

        for (int i = 0; i < INPUTS; i++) {
            Intake.Outcome outcome = intake.frame(origin, frames.next(), status -> { });
            accepted += outcome.accepted();
            rejected += outcome.rejected();
        }

        assertThat(accepted + rejected).isEqualTo(counters.received("fuzz"));
        assertThat(counters.accepted("fuzz")).isEqualTo(accepted).isEqualTo(published.accepted.size());
        assertThat(counters.rejected("fuzz")).isEqualTo(rejected).isEqualTo(published.rejected.size());
        // the mutations must exercise both sides, or this test proves nothing
        assertThat(accepted).isGreaterThan(INPUTS / 20);
        assertThat(rejected).isGreaterThan(INPUTS / 2);
        assertThat(counters.rejectedByReason()).containsKeys("not_json", "not_object", "bad_field",
                "missing_field", "frame_too_large");
    }
}
