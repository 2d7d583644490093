package io.tickstock.processor.topology;

/** State store names; their changelog topics are named after them. */
public final class StoreNames {

    /** Identities of recently seen inputs (SPEC §5.1). */
    public static final String INPUT_DEDUP = "input-dedup";
    /** Per-symbol state shared by the channels (SPEC §4). */
    public static final String SYMBOL_STATE = "symbol-state";

    private StoreNames() {
    }
}
