package io.tickstock.processor.state;

/**
 * Everything the tick channel keeps about one symbol, stored as ONE value so that a trade costs one state read and
 * one write: the facts other channels read ({@link SymbolState}: session extremes, last price), the tick channel's
 * counters and cooldowns, the second it is filling, and the minute bars whose extremes it has applied.
 *
 * @param shared session extremes, last price, newest event time
 * @param tick running totals and cooldowns of the one-second series
 * @param open the newest second of the series, still filling; null before the first
 * @param bars starts of the minute bars applied to the extremes, for their dedup retention
 */
public record MarketSymbol(SymbolState shared, TickState tick, TickSecond open, SeenTimes bars) {

    public static final MarketSymbol EMPTY = new MarketSymbol(SymbolState.EMPTY, TickState.EMPTY, null,
            SeenTimes.NONE);

    public MarketSymbol withShared(SymbolState next) {
        return new MarketSymbol(next, tick, open, bars);
    }

    public MarketSymbol withTick(TickState nextTick, TickSecond nextOpen) {
        return new MarketSymbol(shared, nextTick, nextOpen, bars);
    }

    public MarketSymbol withBar(long start, long retention) {
        return new MarketSymbol(shared, tick, open, bars.with(start, retention));
    }
}
