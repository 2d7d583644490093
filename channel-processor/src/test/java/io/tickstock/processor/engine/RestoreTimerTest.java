package io.tickstock.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreTimerTest {

    private static final TopicPartition P0 = new TopicPartition("app-symbol-state-changelog", 0);
    private static final TopicPartition P1 = new TopicPartition("app-symbol-state-changelog", 1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final RestoreTimer timer = new RestoreTimer(registry, now::get);

    private Timer episodes() {
        return registry.get("tickstock.processor.restore").timer();
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void anEpisodeLastsFromTheFirstStoreStartingUntilTheLastFinishes() {
        timer.onRestoreStart(P0, "symbol-state", 0, 100);
        advanceMillis(40);
        timer.onRestoreStart(P1, "input-dedup", 0, 50);
        timer.onBatchRestored(P0, "symbol-state", 100, 100);
        advanceMillis(30);
        timer.onRestoreEnd(P0, "symbol-state", 100);
        assertThat(episodes().count()).as("one store partition still restoring").isZero();
        timer.onBatchRestored(P1, "input-dedup", 50, 50);
        advanceMillis(20);
        timer.onRestoreEnd(P1, "input-dedup", 50);

        assertThat(episodes().count()).isEqualTo(1);
        assertThat(episodes().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(90);
        assertThat(registry.get("tickstock.processor.restore.records").counter().count()).isEqualTo(150);
    }

    @Test
    void aSuspendedRestorationEndsItsPartOfTheEpisode() {
        timer.onRestoreStart(P0, "symbol-state", 0, 100);
        advanceMillis(10);
        timer.onRestoreSuspended(P0, "symbol-state", 20);

        assertThat(episodes().count()).isEqualTo(1);
        assertThat(episodes().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(10);
    }

    @Test
    void laterEpisodesAreSamplesOfTheirOwn() {
        timer.onRestoreStart(P0, "symbol-state", 0, 1);
        advanceMillis(5);
        timer.onRestoreEnd(P0, "symbol-state", 1);
        advanceMillis(1_000);
        timer.onRestoreStart(P1, "symbol-state", 0, 1);
        advanceMillis(7);
        timer.onRestoreEnd(P1, "symbol-state", 1);
        // an end without a start (a listener registered mid-restore) changes nothing
        timer.onRestoreEnd(P0, "bar-history", 3);

        assertThat(episodes().count()).isEqualTo(2);
        assertThat(episodes().max(TimeUnit.MILLISECONDS)).isEqualTo(7);
        assertThat(episodes().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
    }
}
