package io.tickstock.processor.state;

import io.tickstock.processor.detect.SessionExtremes;

/**
 * Everything the processor remembers about one symbol, shared by its channels (SPEC §4).
 *
 * @param extremes the session high/low state, null before the first price of a session
 * @param lastPrice the latest trade price or bar close
 * @param lastPriceAt its event time
 */
public record SymbolState(SessionExtremes extremes, double lastPrice, long lastPriceAt) {

    public static final SymbolState EMPTY = new SymbolState(null, Double.NaN, Long.MIN_VALUE);

    public SymbolState withExtremes(SessionExtremes next) {
        return new SymbolState(next, lastPrice, lastPriceAt);
    }

    /** Keeps the newest price: a late record never replaces a more recent one. */
    public SymbolState withPrice(double price, long time) {
        return time >= lastPriceAt ? new SymbolState(extremes, price, time) : this;
    }
}
