package io.tickstock.processor.state;

import io.tickstock.processor.detect.Thresholds;

/**
 * The tick channel's own memory of a symbol, beside its {@link TickSeries} samples.
 *
 * @param lastSecond the second of the newest sample, {@link Thresholds#NEVER} before the first
 * @param volume running volume of every sample so far
 * @param samples how many samples so far
 * @param lastTradeAt event time of the newest trade ({@code A} bars only feed the series where trades do not)
 * @param lastSurgeUpAt event time of the last {@code surge} up
 * @param lastSurgeDownAt event time of the last {@code surge} down
 * @param lastTrendAt event time of the last {@code trend}
 */
public record TickState(long lastSecond, long volume, long samples, long lastTradeAt, long lastSurgeUpAt,
        long lastSurgeDownAt, long lastTrendAt) {

    public static final TickState EMPTY = new TickState(Thresholds.NEVER, 0, 0, Thresholds.NEVER, Thresholds.NEVER,
            Thresholds.NEVER, Thresholds.NEVER);

    TickState afterSample(long second, long size, boolean newSample) {
        return new TickState(second, volume + size, newSample ? samples + 1 : samples, lastTradeAt, lastSurgeUpAt,
                lastSurgeDownAt, lastTrendAt);
    }

    public TickState withTradeAt(long time) {
        return new TickState(lastSecond, volume, samples, Math.max(lastTradeAt, time), lastSurgeUpAt,
                lastSurgeDownAt, lastTrendAt);
    }

    public TickState withSurge(boolean up, long time) {
        return new TickState(lastSecond, volume, samples, lastTradeAt, up ? time : lastSurgeUpAt,
                up ? lastSurgeDownAt : time, lastTrendAt);
    }

    public TickState withTrend(long time) {
        return new TickState(lastSecond, volume, samples, lastTradeAt, lastSurgeUpAt, lastSurgeDownAt, time);
    }
}
