package io.tickstock.processor.state;

import io.tickstock.model.Direction;
import io.tickstock.processor.detect.FmvDetector.LastDeviation;
import io.tickstock.processor.detect.Thresholds;

/**
 * The FMV channel's memory of a symbol.
 *
 * @param lastQuoteAt event time of the newest quote used ({@link Thresholds#NEVER} before the first)
 * @param fairValue that quote's fair value
 * @param undervalued the last {@code fmv_deviation} undervalued
 * @param overvalued the last {@code fmv_deviation} overvalued
 * @param seen the provider timestamps (nanoseconds) of the quotes taken within the dedup retention
 */
public record FmvState(long lastQuoteAt, double fairValue, LastDeviation undervalued, LastDeviation overvalued,
        SeenTimes seen) {

    public static final FmvState EMPTY = new FmvState(Thresholds.NEVER, Double.NaN, LastDeviation.NONE,
            LastDeviation.NONE, SeenTimes.NONE);

    public FmvState seen(long providerTs, long retentionNanos) {
        return new FmvState(lastQuoteAt, fairValue, undervalued, overvalued, seen.with(providerTs, retentionNanos));
    }

    public FmvState withQuote(long time, double fmv) {
        return new FmvState(time, fmv, undervalued, overvalued, seen);
    }

    public FmvState withDeviation(Direction direction, long time, double magnitude) {
        LastDeviation last = new LastDeviation(time, magnitude);
        return direction == Direction.UNDERVALUED ? new FmvState(lastQuoteAt, fairValue, last, overvalued, seen)
                : new FmvState(lastQuoteAt, fairValue, undervalued, last, seen);
    }
}
