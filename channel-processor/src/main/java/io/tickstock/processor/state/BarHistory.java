package io.tickstock.processor.state;

import io.tickstock.processor.detect.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The OHLCV channel's memory of a symbol: its last minute bars, oldest first.
 *
 * @param bars at most the configured history, oldest first
 */
public record BarHistory(List<Bar> bars) {

    public static final BarHistory EMPTY = new BarHistory(List.of());

    public BarHistory {
        bars = List.copyOf(bars);
    }

    /** The start of the newest bar, or {@link Long#MIN_VALUE} when there is none. */
    public long newestStart() {
        return bars.isEmpty() ? Long.MIN_VALUE : bars.get(bars.size() - 1).s();
    }

    /** The history with {@code bar} appended, keeping the newest {@code limit}. */
    public BarHistory with(Bar bar, int limit) {
        List<Bar> next = new ArrayList<>(bars);
        next.add(bar);
        return new BarHistory(next.subList(Math.max(0, next.size() - limit), next.size()));
    }
}
