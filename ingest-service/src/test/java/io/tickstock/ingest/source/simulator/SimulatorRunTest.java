package io.tickstock.ingest.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.ingest.Origin;
import io.tickstock.ingest.RecordingPublisher;
import io.tickstock.ingest.TestIntakes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The simulator's schedule as it reports it, and how far behind it a run fell, on a clock the test moves. */
class SimulatorRunTest {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private final long wall = System.currentTimeMillis();
    private final MarketSimulator market = new MarketSimulator(SimulatorProfile.named("demo"),
            Universe.symbols(List.of(), 40), 42, 0, wall);
    private final RecordingPublisher published = new RecordingPublisher();

    private SimulatorRun run(long maxMessages) {
        return new SimulatorRun(market, TestIntakes.wallClock(published), new Origin(Origin.SIMULATOR, "demo"),
                maxMessages, Long.MAX_VALUE, 1, wall, nanos::get);
    }

    @Test
    void atFirstSimulatedTimeIsWallTimeAndBackfillIsDueAtTheStart() {
        SimulatorRun run = run(0);

        assertThat(run.schedule()).isEqualTo(new SimulatorRun.Schedule(market.start(), wall, wall, 1));
    }

    @Test
    void aChangeOfSpeedStartsANewStretchWhereTheOldOneHadGot() {
        SimulatorRun run = run(0);
        nanos.set(10 * SECOND_NANOS);

        run.multiplier(4);
        nanos.set(12 * SECOND_NANOS);

        assertThat(run.schedule()).isEqualTo(new SimulatorRun.Schedule(market.start(), wall + 10_000,
                wall + 10_000.0, 4));
        assertThat(run.simulatedTime()).as("not advanced by the run loop yet").isEqualTo(wall);
    }

    @Test
    void messagesSentLateAreCountedBehindTheirSchedule() {
        long firstDue = market.peekTime();
        SimulatorRun run = run(20);
        nanos.set(5 * SECOND_NANOS);

        run.run();

        assertThat(published.accepted).hasSize(20);
        assertThat(run.maxLagMillis()).as("the first message, due %d ms after the start", firstDue - wall)
                .isEqualTo(5_000 - (firstDue - wall));
        assertThat(run.lagMillis()).isLessThanOrEqualTo(run.maxLagMillis()).isPositive();
    }
}
