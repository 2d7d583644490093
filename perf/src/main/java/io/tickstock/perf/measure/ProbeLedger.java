package io.tickstock.perf.measure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The accounting of {@link KafkaProbe}: every message sent, every one back with its send → receive latency (per
 * interval of the timeline and over the run), and every one not back within the timeout, counted lost when the
 * timeout passes. Called from the probe's threads and the timeline's, hence synchronized (a few dozen calls a
 * second).
 */
final class ProbeLedger {

    /** One interval of the timeline: the latencies of the messages back in it, and the ones found lost in it. */
    record Interval(Percentiles latency, long lost) {
    }

    /** The whole run: {@code late} messages came back after they had been counted lost. */
    record Totals(long sent, long received, long lost, long late, Percentiles latency) {
    }

    private final long timeoutNanos;
    // in sending order, so the oldest is first: expiring stops at the first one still within the timeout
    private final Map<Long, Long> outstanding = new LinkedHashMap<>();
    private final Histogram interval = histogram();
    private final Histogram total = histogram();
    private long nextSequence;
    private long sent;
    private long received;
    private long lost;
    private long lostInInterval;
    private long late;

    ProbeLedger(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** A message goes out at {@code nanos}; returns its sequence number, which it carries. */
    synchronized long sent(long nanos) {
        long sequence = nextSequence++;
        outstanding.put(sequence, nanos);
        sent++;
        return sequence;
    }

    /** Message {@code sequence}, sent at {@code sentNanos} (from its payload), is back at {@code nanos}. */
    synchronized void received(long sequence, long sentNanos, long nanos) {
        if (outstanding.remove(sequence) == null) {
            late++;
            return;
        }
        received++;
        interval.recordValue(Math.min(Math.max(0, (nanos - sentNanos) / 1_000), Latencies.MAX_MICROS));
        if (outstanding.isEmpty()) {
            notifyAll();
        }
    }

    /** The producer could not send {@code sequence}: it will not come back. */
    synchronized void failed(long sequence) {
        if (outstanding.remove(sequence) != null) {
            countLost();
            if (outstanding.isEmpty()) {
                notifyAll();
            }
        }
    }

    /** Counts every message sent more than the timeout before {@code nanos} and not back as lost. */
    synchronized void expire(long nanos) {
        Iterator<Long> sentAt = outstanding.values().iterator();
        while (sentAt.hasNext()) {
            if (nanos - sentAt.next() <= timeoutNanos) {
                return;
            }
            sentAt.remove();
            countLost();
        }
    }

    synchronized int outstanding() {
        return outstanding.size();
    }

    /** Waits until no message is out, at most {@code timeoutNanos}; true when none is. */
    synchronized boolean awaitNoneOutstanding(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!outstanding.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** What the interval since the last call had (after expiring at {@code nanos}), added to the run's totals. */
    synchronized Interval interval(long nanos) {
        expire(nanos);
        Interval result = new Interval(Percentiles.of(interval), lostInInterval);
        total.add(interval);
        interval.reset();
        lostInInterval = 0;
        return result;
    }

    /** The run's totals; every message still out counts as lost. */
    synchronized Totals finish() {
        lost += outstanding.size();
        outstanding.clear();
        total.add(interval);
        interval.reset();
        return new Totals(sent, received, lost, late, Percentiles.of(total));
    }

    private void countLost() {
        lost++;
        lostInInterval++;
    }

    private static Histogram histogram() {
        return new Histogram(Latencies.MAX_MICROS, 3);
    }
}
