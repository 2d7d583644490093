package io.tickstock.processor.topology;

/** State store names; their changelog topics are named after them. */
public final class StoreNames {

    /** The tick channel's per-symbol value: session extremes, last price, counters, the filling second. */
    public static final String TICK_SYMBOLS = "tick-symbols";
    /** The tick channel's closed seconds: samples of the series and the identities of their inputs. */
    public static final String TICK_SECONDS = "tick-seconds";
    /** The OHLCV channel's last bars per symbol. */
    public static final String BAR_HISTORY = "bar-history";
    /** The FMV channel's per-symbol quote state and cooldowns. */
    public static final String FMV_STATE = "fmv-state";

    private StoreNames() {
    }
}
