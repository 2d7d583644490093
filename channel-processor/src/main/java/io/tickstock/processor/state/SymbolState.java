package io.tickstock.processor.state;

import io.tickstock.processor.detect.SessionExtremes;
import io.tickstock.processor.detect.Thresholds;

/**
 * What every channel shares about one symbol (SPEC §4): the tick and OHLCV channels both move the session
 * extremes and the last price; the FMV channel reads the last price.
 *
 * @param extremes the session high/low state, null before the first price of a session
 * @param lastPrice the latest trade price or bar close, NaN before the first
 * @param lastPriceAt its event time
 * @param newestAt the newest event time seen for the symbol on any channel (what "stale" is measured against)
 */
public record SymbolState(SessionExtremes extremes, double lastPrice, long lastPriceAt, long newestAt) {

    public static final SymbolState EMPTY = new SymbolState(null, Double.NaN, Thresholds.NEVER, Thresholds.NEVER);

    public SymbolState withExtremes(SessionExtremes next) {
        return new SymbolState(next, lastPrice, lastPriceAt, newestAt);
    }

    /** Keeps the newest price: a late record never replaces a more recent one. */
    public SymbolState withPrice(double price, long time) {
        return time >= lastPriceAt ? new SymbolState(extremes, price, time, Math.max(newestAt, time)) : seen(time);
    }

    /** Notes an input's event time. */
    public SymbolState seen(long time) {
        return time > newestAt ? new SymbolState(extremes, lastPrice, lastPriceAt, time) : this;
    }
}
