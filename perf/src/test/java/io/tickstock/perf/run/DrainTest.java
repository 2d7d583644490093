package io.tickstock.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.perf.result.Rules;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrainTest {

    /** A clock that moves only when the drain sleeps: the waits run out at once, and exactly at their bound. */
    private final AtomicLong nanos = new AtomicLong();
    private final Waits waits = new Waits(nanos::get, pause -> nanos.addAndGet(pause.toNanos()),
            Duration.ofMillis(500));

    /** A pipeline by its figures: each may stay put or keep moving. */
    private static final class Figures implements Drain.Pipeline {
        boolean rawGrowing;
        long lag;
        boolean eventsGrowing;
        long behind;
        long owed;
        boolean stillReceiving;
        private long rawEnd;
        private long eventsEnd;

        @Override
        public Object rawEnds() {
            return rawGrowing ? ++rawEnd : rawEnd;
        }

        @Override
        public long processorLag() {
            return lag;
        }

        @Override
        public Object eventEnds() {
            return eventsGrowing ? ++eventsEnd : eventsEnd;
        }

        @Override
        public long eventsBehind() {
            return behind;
        }

        @Override
        public long owed() {
            return stillReceiving ? --owed : owed;
        }
    }

    private List<String> drain(Figures figures) {
        return new Drain(Rules.PERF_DRAIN, Duration.ofSeconds(300), waits).run(figures);
    }

    @Test
    void aPipelineThatSettlesDrainsWithoutFailure() {
        assertThat(drain(new Figures())).isEmpty();
    }

    @Test
    void clientsStillOwedEventsThatStoppedArrivingAreLeftToTheAccounting() {
        Figures figures = new Figures();
        figures.owed = 12; // they stopped coming: lost, which the integrity check says per client

        assertThat(drain(figures)).isEmpty();
    }

    @Test
    void eachWaitThatRunsOutFailsTheRunWithItsReason() {
        Figures figures = new Figures();
        figures.rawGrowing = true;
        figures.lag = 7;
        figures.behind = 12;
        figures.owed = 1_000_000;
        figures.stillReceiving = true;

        List<String> failures = drain(figures);

        assertThat(failures).hasSize(4);
        assertThat(failures.get(0)).isEqualTo("the raw topics were still growing 30 s after the input stopped");
        assertThat(failures.get(1)).isEqualTo("the processor did not consume every raw record of the run within "
                + "300 s: 7 records behind");
        assertThat(failures.get(2)).isEqualTo("the events topic was not read to its end within 60 s: 12 records "
                + "behind");
        assertThat(failures.get(3)).matches("clients were still owed \\d+ events, and still receiving them, 90 s "
                + "after the events topic was read");
    }

    @Test
    void anEventsTopicThatKeepsGrowingOrWasNeverReachedIsSaidSo() {
        Figures growing = new Figures();
        growing.eventsGrowing = true;
        Figures unread = new Figures();
        unread.behind = Long.MAX_VALUE;

        assertThat(drain(growing)).containsExactly("the events topic was still growing 60 s after the processor "
                + "caught up");
        assertThat(drain(unread)).containsExactly("the events topic was not read to its end within 60 s: its end "
                + "never reached");
    }

    @Test
    void theWaitsEndAtTheirBounds() {
        Figures figures = new Figures();
        figures.lag = 1;

        drain(figures);

        // the raw and events topics are still at their second look (half a second each), the processor never catches up
        assertThat(Duration.ofNanos(nanos.get())).isEqualTo(Duration.ofSeconds(301));
    }
}
