package io.tickstock.ingest.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pacing on a virtual clock: the waits a replay asks for, not wall time. */
class ReplayPacerTest {

    private long now;
    private final List<Long> waits = new ArrayList<>();

    private ReplayPacer pacer(double speed) {
        return new ReplayPacer(speed, () -> now, nanos -> {
            waits.add(TimeUnit.NANOSECONDS.toMillis(nanos));
            now += nanos;
        });
    }

    @Test
    void atSpeedXAnEventDAfterTheFirstGoesOutDOverXAfterTheStart() throws InterruptedException {
        ReplayPacer pacer = pacer(60); // one minute of market per second
        pacer.await(1_000_000);
        pacer.await(1_060_000);
        now += TimeUnit.MILLISECONDS.toNanos(400); // publishing took 400 ms
        pacer.await(1_120_000);
        pacer.await(1_120_000);

        assertThat(waits).containsExactly(1_000L, 600L);
    }

    @Test
    void speedZeroNeverWaitsAndOutOfOrderEventsGoAtOnce() throws InterruptedException {
        ReplayPacer fast = pacer(0);
        fast.await(1_000);
        fast.await(999_999_000);
        ReplayPacer real = pacer(1);
        real.await(10_000);
        real.await(5_000);
        real.await(12_000);

        assertThat(waits).containsExactly(2_000L);
    }

    @Test
    void refusesNegativeSpeeds() {
        assertThatThrownBy(() -> pacer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
