package io.tickstock.processor.state;

import io.tickstock.processor.detect.Bar;
import io.tickstock.processor.detect.FmvDetector.LastDeviation;
import io.tickstock.processor.detect.SessionExtremes;
import java.util.ArrayList;
import java.util.List;

/**
 * How every stored value is laid out, in one place: what a change of layout touches, and what must get a new format
 * number when it does. Values nest, so each part has its own small writer and reader.
 */
public final class StateCodecs {

    /** The tick channel's per-symbol value. */
    public static final StateCodec<MarketSymbol> MARKET_SYMBOL = codec(1, StateCodecs::writeMarketSymbol,
            StateCodecs::readMarketSymbol);
    /** A closed second of the tick series. */
    public static final StateCodec<TickSecond> TICK_SECOND = codec(1, StateCodecs::writeSecond,
            StateCodecs::readSecond);
    /** The OHLCV channel's per-symbol value. */
    public static final StateCodec<BarHistory> BAR_HISTORY = codec(1, StateCodecs::writeBars, StateCodecs::readBars);
    /** The FMV channel's per-symbol value. */
    public static final StateCodec<FmvState> FMV_STATE = codec(1, StateCodecs::writeFmv, StateCodecs::readFmv);

    private StateCodecs() {
    }

    private interface Writer<T> {
        void write(T value, StateWriter out);
    }

    private interface Reader<T> {
        T read(StateReader in);
    }

    private static <T> StateCodec<T> codec(int format, Writer<T> writer, Reader<T> reader) {
        return new StateCodec<>() {
            @Override
            public int format() {
                return format;
            }

            @Override
            public void write(T value, StateWriter out) {
                writer.write(value, out);
            }

            @Override
            public T read(StateReader in) {
                return reader.read(in);
            }
        };
    }

    private static void writeMarketSymbol(MarketSymbol value, StateWriter out) {
        writeShared(value.shared(), out);
        writeTick(value.tick(), out);
        out.putBoolean(value.open() != null);
        if (value.open() != null) {
            writeSecond(value.open(), out);
        }
        writeTimes(value.bars(), out);
    }

    private static MarketSymbol readMarketSymbol(StateReader in) {
        SymbolState shared = readShared(in);
        TickState tick = readTick(in);
        TickSecond open = in.getBoolean() ? readSecond(in) : null;
        return new MarketSymbol(shared, tick, open, readTimes(in));
    }

    private static void writeShared(SymbolState value, StateWriter out) {
        SessionExtremes extremes = value.extremes();
        out.putBoolean(extremes != null);
        if (extremes != null) {
            out.putLong(extremes.sessionDay()).putDouble(extremes.high()).putDouble(extremes.low())
                    .putDouble(extremes.lastHigh()).putDouble(extremes.lastLow()).putLong(extremes.lastHighAt())
                    .putLong(extremes.lastLowAt());
        }
        out.putDouble(value.lastPrice()).putLong(value.lastPriceAt()).putLong(value.newestAt());
    }

    private static SymbolState readShared(StateReader in) {
        SessionExtremes extremes = in.getBoolean() ? new SessionExtremes(in.getLong(), in.getDouble(), in.getDouble(),
                in.getDouble(), in.getDouble(), in.getLong(), in.getLong()) : null;
        return new SymbolState(extremes, in.getDouble(), in.getLong(), in.getLong());
    }

    /** A symbol quoted only by minute bars has no tick state: one byte instead of seven "never"s. */
    private static void writeTick(TickState value, StateWriter out) {
        out.putBoolean(!value.equals(TickState.EMPTY));
        if (value.equals(TickState.EMPTY)) {
            return;
        }
        out.putLong(value.lastSecond()).putLong(value.volume()).putLong(value.samples()).putLong(value.lastTradeAt())
                .putLong(value.lastSurgeUpAt()).putLong(value.lastSurgeDownAt()).putLong(value.lastTrendAt());
    }

    private static TickState readTick(StateReader in) {
        if (!in.getBoolean()) {
            return TickState.EMPTY;
        }
        return new TickState(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                in.getLong());
    }

    private static void writeSecond(TickSecond value, StateWriter out) {
        TickSample sample = value.sample();
        out.putBoolean(sample != null);
        if (sample != null) {
            out.putLong(sample.second()).putDouble(sample.first()).putDouble(sample.last()).putLong(sample.volume())
                    .putLong(sample.volumeBefore()).putLong(sample.index());
        }
        out.putBytes(value.inputs().packed());
    }

    private static TickSecond readSecond(StateReader in) {
        TickSample sample = in.getBoolean() ? new TickSample(in.getLong(), in.getDouble(), in.getDouble(),
                in.getLong(), in.getLong(), in.getLong()) : null;
        return new TickSecond(sample, new SeenIdentities(in.getBytes()));
    }

    private static void writeBars(BarHistory value, StateWriter out) {
        out.putLong(value.bars().size());
        for (Bar bar : value.bars()) {
            out.putLong(bar.s()).putDouble(bar.o()).putDouble(bar.c()).putLong(bar.v());
        }
        writeTimes(value.seen(), out);
    }

    private static BarHistory readBars(StateReader in) {
        int size = in.getCount();
        List<Bar> bars = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            bars.add(new Bar(in.getLong(), in.getDouble(), in.getDouble(), in.getLong()));
        }
        return new BarHistory(bars, readTimes(in));
    }

    private static void writeFmv(FmvState value, StateWriter out) {
        out.putLong(value.lastQuoteAt()).putDouble(value.fairValue());
        writeDeviation(value.undervalued(), out);
        writeDeviation(value.overvalued(), out);
        writeTimes(value.seen(), out);
    }

    private static FmvState readFmv(StateReader in) {
        return new FmvState(in.getLong(), in.getDouble(), readDeviation(in), readDeviation(in), readTimes(in));
    }

    private static void writeDeviation(LastDeviation value, StateWriter out) {
        out.putLong(value.at()).putDouble(value.magnitude());
    }

    private static LastDeviation readDeviation(StateReader in) {
        return new LastDeviation(in.getLong(), in.getDouble());
    }

    /** Times ascending: the first in full, then each as its distance from the one before. */
    private static void writeTimes(SeenTimes value, StateWriter out) {
        long[] times = value.times();
        out.putLong(times.length);
        long previous = 0;
        for (long time : times) {
            out.putLong(time - previous);
            previous = time;
        }
    }

    private static SeenTimes readTimes(StateReader in) {
        long[] times = new long[in.getCount()];
        long previous = 0;
        for (int i = 0; i < times.length; i++) {
            previous += in.getLong();
            times[i] = previous;
        }
        return times.length == 0 ? SeenTimes.NONE : new SeenTimes(times);
    }
}
