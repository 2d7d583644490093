package io.tickstock.ingest.source.simulator;

import io.tickstock.model.Aggregate;
import io.tickstock.model.Feed;
import java.util.SplittableRandom;

/**
 * One symbol's simulated market: its price, and the trades of the current second and minute, from which its
 * {@code A} and {@code AM} bars are built, so bars agree with the trades they summarise. A minute without trades gets
 * a bar from a short random walk instead (every OHLCV symbol has a bar every minute).
 */
final class SymbolMarket {

    final String symbol;
    final int tape;
    final double anchor;
    final long baseMinuteVolume;
    double price;
    long tradeSeq;

    private final BarBuilder second = new BarBuilder();
    private final BarBuilder minute = new BarBuilder();
    private double dayOpen = Double.NaN;
    private long dayVolume;
    private double dayNotional;

    SymbolMarket(String symbol, int tape, double price, long baseMinuteVolume) {
        this.symbol = symbol;
        this.tape = tape;
        this.anchor = price;
        this.price = price;
        this.baseMinuteVolume = baseMinuteVolume;
    }

    void trade(double tradePrice, long size) {
        price = tradePrice;
        second.add(tradePrice, size);
        minute.add(tradePrice, size);
        day(tradePrice, size);
    }

    private void day(double closePrice, long volume) {
        if (Double.isNaN(dayOpen)) {
            dayOpen = closePrice;
        }
        dayVolume += volume;
        dayNotional += closePrice * volume;
    }

    boolean secondBarIsEmpty() {
        return second.trades == 0;
    }

    /** The {@code A} bar of the second starting at {@code start}, or {@code null} if nothing traded in it. */
    Aggregate secondBar(long start) {
        Aggregate bar = second.bar(Feed.A, start, 1_000);
        second.reset();
        return bar;
    }

    /** The {@code AM} bar of the minute starting at {@code start}: from its trades, else from {@code shape}. */
    Aggregate minuteBar(long start, long minuteIndex, BarShape shape, SplittableRandom random) {
        if (minute.trades == 0) {
            shape.apply(this, random, minute, minuteIndex);
            day(minute.close, minute.volume);
        }
        Aggregate bar = minute.bar(Feed.AM, start, 60_000);
        price = minute.close;
        minute.reset();
        return bar;
    }

    /**
     * How a minute without trades moves: the bar is drawn into {@code bar}, starting at the current price.
     * {@code minuteIndex} counts minutes from the first live one (backfilled minutes are negative).
     */
    interface BarShape {
        void apply(SymbolMarket market, SplittableRandom random, BarBuilder bar, long minuteIndex);
    }

    /** Open, high, low, close, volume and notional of a bar in progress. */
    final class BarBuilder {
        double open;
        double high;
        double low;
        double close;
        long volume;
        double notional;
        int trades;

        void add(double tradePrice, long size) {
            if (trades == 0) {
                open = tradePrice;
                high = tradePrice;
                low = tradePrice;
            }
            high = Math.max(high, tradePrice);
            low = Math.min(low, tradePrice);
            close = tradePrice;
            volume += size;
            notional += tradePrice * size;
            trades++;
        }

        /** Draws a bar that did not come from trades: it still spans its own open and close. */
        void draw(double o, double c, double wickUp, double wickDown, long v, int tradeCount) {
            open = Prices.round(o);
            close = Prices.round(c);
            high = Math.max(Prices.round(Math.max(open, close) * (1 + wickUp)), Math.max(open, close));
            low = Math.min(Prices.round(Math.min(open, close) * (1 - wickDown)), Math.min(open, close));
            volume = v;
            notional = (open + high + low + close) / 4 * v;
            trades = tradeCount;
        }

        Aggregate bar(Feed feed, long start, long length) {
            if (trades == 0) {
                return null;
            }
            double vwap = volume == 0 ? close : Prices.round(notional / volume);
            double dayVwap = dayVolume == 0 ? close : Prices.round(dayNotional / dayVolume);
            return new Aggregate(feed, symbol, volume, dayVolume, dayOpen, clamp(vwap), open, close, high, low,
                    dayVwap, volume / trades, start, start + length, null);
        }

        // rounding can push a VWAP a tick outside the bar; keep it inside as a real VWAP is
        private double clamp(double vwap) {
            return Math.min(high, Math.max(low, vwap));
        }

        void reset() {
            trades = 0;
            volume = 0;
            notional = 0;
        }
    }
}
