package io.tickstock.perf.measure;

import org.HdrHistogram.Histogram;

/**
 * How far the ingest simulator was behind its schedule (its {@code lagMillis}), sampled once a second while the
 * input runs: the most per timeline interval, and over the run. The simulator's own maximum over every message it
 * sent comes beside it, for a lag that lasted less than a second between two samples.
 */
public final class SimulatorLag {

    /** Longest lag tracked: an hour behind, the run is not a measurement any more. */
    private static final long MAX_MILLIS = 3_600_000L;

    /**
     * The lag over the run, milliseconds.
     *
     * @param samples how many times it was read
     * @param maxMillis the simulator's own maximum over every message it sent (-1: it did not say)
     */
    public record Summary(long samples, double p50Millis, double p99Millis, long maxSampledMillis, long maxMillis) {
    }

    private final Histogram total = new Histogram(MAX_MILLIS, 3);
    private long intervalMax = -1;

    public synchronized void sample(long lagMillis) {
        long clamped = Math.min(Math.max(0, lagMillis), MAX_MILLIS);
        total.recordValue(clamped);
        intervalMax = Math.max(intervalMax, clamped);
    }

    /** The highest sample since the last call; null when there was none. */
    public synchronized Long interval() {
        Long max = intervalMax < 0 ? null : intervalMax;
        intervalMax = -1;
        return max;
    }

    /** @param simulatorMaxMillis what the simulator says its maximum was (-1: it did not say) */
    public synchronized Summary summary(long simulatorMaxMillis) {
        long samples = total.getTotalCount();
        return new Summary(samples, samples == 0 ? 0 : total.getValueAtPercentile(50),
                samples == 0 ? 0 : total.getValueAtPercentile(99), samples == 0 ? 0 : total.getMaxValue(),
                simulatorMaxMillis);
    }
}
