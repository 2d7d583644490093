package io.tickstock.processor.state;

import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.Thresholds;
import io.tickstock.processor.detect.TrendDetector;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A symbol's tick history at one-second resolution, in a window store keyed by symbol with the second as the
 * window time. Each input rewrites one small sample (so the changelog carries tens of bytes per trade, not the
 * history), and the store's retention drops old seconds by itself. The surge window is the current second and
 * the ones before it up to the window length; trend compares with the last price of the latest second at or before
 * each window's start.
 */
public final class TickSeries {

    private static final long MILLIS = 1_000;

    private final WindowStore<String, TickSample> samples;
    private final long historySeconds;
    private final long surgeWindowSeconds;
    private final long[] trendWindowsSeconds;

    public TickSeries(WindowStore<String, TickSample> samples, long surgeWindowMillis, long[] trendWindowsMillis,
            long historyMillis) {
        this.samples = samples;
        this.surgeWindowSeconds = Math.max(1, surgeWindowMillis / MILLIS);
        this.trendWindowsSeconds = new long[trendWindowsMillis.length];
        for (int i = 0; i < trendWindowsMillis.length; i++) {
            trendWindowsSeconds[i] = trendWindowsMillis[i] / MILLIS;
        }
        this.historySeconds = historyMillis / MILLIS;
    }

    /** The history the window store must keep: the longest trend window plus a margin for late seconds. */
    public static long retentionMillis(TrendDetector trend) {
        return trend.longestWindowMillis() + 60 * MILLIS;
    }

    /**
     * Adds a point (a trade, or a per-second bar) to the second it falls in. A point of an earlier second than the
     * newest sample is late: it is not added (the windows assume time order) and null is returned. So is a point
     * the store will not keep: it keeps seconds up to its retention behind the newest time its partition has seen,
     * of any symbol, so one message dated far ahead (a corrupted timestamp) makes every other symbol's next seconds
     * expired on arrival; their surge and trend windows have no history then, and must not be computed.
     */
    public TickState add(String sym, TickState state, long time, double first, double last, long size) {
        long second = Math.floorDiv(time, MILLIS);
        if (state.lastSecond() != Thresholds.NEVER && second < state.lastSecond()) {
            return null;
        }
        TickSample current = second == state.lastSecond() ? samples.fetch(sym, second * MILLIS) : null;
        boolean fresh = current == null;
        TickSample next = fresh ? new TickSample(second, first, last, size, state.volume(), state.samples())
                : current.plus(last, size);
        samples.put(sym, next, second * MILLIS);
        if (fresh && samples.fetch(sym, second * MILLIS) == null) {
            return null;
        }
        return state.afterSample(second, size, fresh);
    }

    /** The surge window ending at the newest sample. Call right after {@link #add}. */
    public SurgeDetector.Input surgeInput(String sym, TickState state, double price) {
        long now = state.lastSecond();
        long windowStart = now - surgeWindowSeconds + 1;
        TickSample first = firstBetween(sym, windowStart, now);
        TickSample oldest = firstBetween(sym, now - historySeconds, now);
        long windowVolume = state.volume() - first.volumeBefore();
        long baselineVolume = first.volumeBefore() - oldest.volumeBefore();
        long baselineMillis = Math.max(0, windowStart - oldest.second()) * MILLIS;
        return new SurgeDetector.Input(first.first(), price, windowVolume, baselineVolume, baselineMillis);
    }

    /** The trend history ending at the newest sample. Call right after {@link #add}. */
    public TrendDetector.Input trendInput(String sym, TickState state, double price) {
        long now = state.lastSecond();
        long from = now - historySeconds;
        TickSample oldest = firstBetween(sym, from, now);
        double[] before = new double[trendWindowsSeconds.length];
        for (int i = 0; i < before.length; i++) {
            TickSample then = lastBetween(sym, from, now - trendWindowsSeconds[i]);
            before[i] = then == null ? oldest.first() : then.last();
        }
        return new TrendDetector.Input(price, before, state.samples() - oldest.index(),
                (now - oldest.second()) * MILLIS);
    }

    private TickSample firstBetween(String sym, long fromSecond, long toSecond) {
        try (WindowStoreIterator<TickSample> it = samples.fetch(sym, fromSecond * MILLIS, toSecond * MILLIS)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    private TickSample lastBetween(String sym, long fromSecond, long toSecond) {
        if (toSecond < fromSecond) {
            return null;
        }
        try (WindowStoreIterator<TickSample> it = samples.backwardFetch(sym, fromSecond * MILLIS,
                toSecond * MILLIS)) {
            return it.hasNext() ? it.next().value : null;
        }
    }
}
