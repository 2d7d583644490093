package io.tickstock.processor.state;

import io.tickstock.processor.detect.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The OHLCV channel's memory of a symbol: its last minute bars, oldest first, and the starts of every bar it took
 * within the dedup retention (late ones too), which is how a re-delivered bar is recognised (SPEC §5.1).
 *
 * @param bars at most the configured history, oldest first
 * @param seen starts of the bars taken within the dedup retention
 */
public record BarHistory(List<Bar> bars, SeenTimes seen) {

    public static final BarHistory EMPTY = new BarHistory(List.of(), SeenTimes.NONE);

    public BarHistory {
        bars = List.copyOf(bars);
    }

    /** The start of the newest bar, or {@link Long#MIN_VALUE} when there is none. */
    public long newestStart() {
        return bars.isEmpty() ? Long.MIN_VALUE : bars.get(bars.size() - 1).s();
    }

    /** The history with a bar's start remembered, whether or not the bar joins the history. */
    public BarHistory seen(long start, long retention) {
        return new BarHistory(bars, seen.with(start, retention));
    }

    /** The history with {@code bar} appended, keeping the newest {@code limit}. */
    public BarHistory with(Bar bar, int limit) {
        List<Bar> next = new ArrayList<>(bars);
        next.add(bar);
        return new BarHistory(next.subList(Math.max(0, next.size() - limit), next.size()), seen);
    }
}
