package io.tickstock.perf.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProbeLedgerTest {

    private static final long MS = 1_000_000L;
    private static final long TIMEOUT = 10_000 * MS;

    private final ProbeLedger ledger = new ProbeLedger(TIMEOUT);

    @Test
    void eachIntervalHasTheLatenciesOfTheMessagesBackInItAndTheRunHasThemAll() {
        long first = ledger.sent(0);
        long second = ledger.sent(50 * MS);
        ledger.received(first, 0, 2 * MS);
        ledger.received(second, 50 * MS, 54 * MS);

        ProbeLedger.Interval one = ledger.interval(100 * MS);
        long third = ledger.sent(5_000 * MS);
        ledger.received(third, 5_000 * MS, 5_030 * MS);
        ProbeLedger.Interval two = ledger.interval(5_100 * MS);
        ProbeLedger.Totals totals = ledger.finish();

        assertThat(one.latency().count()).isEqualTo(2);
        assertThat(one.latency().max()).isCloseTo(4.0, within(0.01));
        assertThat(two.latency().count()).isEqualTo(1);
        assertThat(two.latency().p50()).isCloseTo(30.0, within(0.02));
        assertThat(totals).isEqualTo(new ProbeLedger.Totals(3, 3, 0, 0, totals.latency()));
        assertThat(totals.latency().count()).isEqualTo(3);
        assertThat(totals.latency().max()).isCloseTo(30.0, within(0.02));
    }

    @Test
    void aMessageNotBackWithinTheTimeoutIsLostInTheIntervalThatFindsItAndNotCountedTwiceWhenItComesBack() {
        long slow = ledger.sent(0);
        long onTime = ledger.sent(50 * MS);
        ledger.received(onTime, 50 * MS, 60 * MS);

        ProbeLedger.Interval before = ledger.interval(TIMEOUT);
        ProbeLedger.Interval after = ledger.interval(TIMEOUT + MS);
        ledger.received(slow, 0, TIMEOUT + 2 * MS);
        ProbeLedger.Totals totals = ledger.finish();

        assertThat(before.lost()).as("exactly the timeout is still in time").isZero();
        assertThat(after.lost()).isEqualTo(1);
        assertThat(after.latency().count()).isZero();
        assertThat(totals.lost()).isEqualTo(1);
        assertThat(totals.late()).isEqualTo(1);
        assertThat(totals.received()).isEqualTo(1);
        assertThat(totals.latency().count()).as("a lost message has no latency").isEqualTo(1);
    }

    @Test
    void aMessageTheProducerCouldNotSendIsLostAtOnceAndItsLateErrorCountsNothing() {
        long failed = ledger.sent(0);

        ledger.failed(failed);
        ledger.failed(failed);

        assertThat(ledger.outstanding()).isZero();
        assertThat(ledger.interval(MS).lost()).isEqualTo(1);
        assertThat(ledger.finish().lost()).isEqualTo(1);
    }

    @Test
    void messagesStillOutAtTheEndAreLost() {
        ledger.sent(0);
        long back = ledger.sent(50 * MS);
        ledger.sent(100 * MS);
        ledger.received(back, 50 * MS, 52 * MS);

        ProbeLedger.Totals totals = ledger.finish();

        assertThat(totals.sent()).isEqualTo(3);
        assertThat(totals.received()).isEqualTo(1);
        assertThat(totals.lost()).isEqualTo(2);
        assertThat(ledger.outstanding()).isZero();
    }

    @Test
    void expiringStopsAtTheFirstMessageStillInTime() {
        ledger.sent(0);
        ledger.sent(5_000 * MS);
        ledger.sent(9_000 * MS);

        ledger.expire(TIMEOUT + 5_000 * MS + 1);

        assertThat(ledger.outstanding()).isEqualTo(1);
        assertThat(ledger.interval(TIMEOUT + 5_000 * MS + 1).lost()).isEqualTo(2);
    }

    @Test
    void waitingForTheMessagesStillOutEndsWhenTheLastComesBackOrAtTheTimeout() throws Exception {
        long out = ledger.sent(System.nanoTime());
        Thread receiver = new Thread(() -> ledger.received(out, 0, 1));

        assertThat(ledger.awaitNoneOutstanding(MS)).as("nothing came back within 1 ms").isFalse();
        receiver.start();
        assertThat(ledger.awaitNoneOutstanding(TIMEOUT)).isTrue();
        assertThat(ledger.outstanding()).isZero();
    }
}
