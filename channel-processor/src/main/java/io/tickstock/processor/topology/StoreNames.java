package io.tickstock.processor.topology;

/** State store names; their changelog topics are named after them. */
public final class StoreNames {

    /** Identities of recently seen inputs of every channel (SPEC §5.1). */
    public static final String INPUT_DEDUP = "input-dedup";
    /** Per-symbol state shared by the channels: session extremes, last price (SPEC §4). */
    public static final String SYMBOL_STATE = "symbol-state";
    /** The tick channel's per-symbol counters and cooldowns. */
    public static final String TICK_STATE = "tick-state";
    /** The tick channel's one-second price and volume samples. */
    public static final String TICK_SERIES = "tick-series";
    /** The OHLCV channel's last bars per symbol. */
    public static final String BAR_HISTORY = "bar-history";
    /** The FMV channel's per-symbol quote state and cooldowns. */
    public static final String FMV_STATE = "fmv-state";

    private StoreNames() {
    }
}
