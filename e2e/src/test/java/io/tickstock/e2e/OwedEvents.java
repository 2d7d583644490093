package io.tickstock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testsupport.RunTopics;
import io.tickstock.stack.process.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a finished run of simulated trades owed its clients, from what Kafka holds — the high/low events the
 * reference predicts from the trades on the raw topic, and every event committed to the events topic — checked
 * first against what the processors committed (none lost, none twice), then against what each client got.
 */
final class OwedEvents {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final Map<String, HighLowPrediction.Expected> highLows;
    private final List<String> committed;

    private OwedEvents(Map<String, HighLowPrediction.Expected> highLows, List<String> committed) {
        this.highLows = highLows;
        this.committed = committed;
    }

    /** Once {@code ingest} has sent its {@code trades} and the processor group has caught up with them. */
    static OwedEvents afterRun(RunTopics topics, ProcessorGroup group, ServiceProcess ingest, int trades) {
        await().atMost(WAIT).until(() -> ingest.get("/status").body().contains("\"finished\":true"));
        group.awaitCaughtUp(WAIT);
        OwedEvents owed = new OwedEvents(HighLowPrediction.predict(HighLowPrediction.readExactly(topics.tick(),
                trades)), topics.committedEventIds());
        assertThat(owed.committed).as("the processors committed no event twice").doesNotHaveDuplicates();
        assertThat(owed.committed).as("the processors lost no high or low").containsAll(owed.highLows.keySet());
        return owed;
    }

    /** A client of {@code high.*,low.*} got every predicted event once, and nothing else. */
    void assertHighsAndLows(ResumingClient client) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.ids())
                .as("high.*,low.*: every predicted event once, nothing else")
                .containsExactlyInAnyOrderElementsOf(highLows.keySet()));
        assertThat(client.errors()).isEmpty();
    }

    /** A client of {@code *.*} got every committed event once, and nothing else. */
    void assertEverything(ResumingClient client) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.ids())
                .as("*.*: every committed event once, nothing else")
                .containsExactlyInAnyOrderElementsOf(committed));
        assertThat(client.errors()).isEmpty();
    }

    /**
     * The client was cut off and resumed, every time without a gap. At least once: a loaded machine may cost a
     * client one more connection (a heartbeat missed), and that is no loss as long as it resumes.
     */
    static void assertResumed(ResumingClient client) {
        assertThat(client.connections()).as("cut off, reconnected").isGreaterThanOrEqualTo(2);
        assertThat(client.resumes()).as("resumed").isNotEmpty()
                .allSatisfy(resumed -> assertThat(resumed.path("recovered").asBoolean()).isTrue());
    }
}
