package io.tickstock.processor.engine;

import java.util.Locale;

/** The processor's Kafka Streams engines: each has its own threads, consumer group and transactions. */
public enum Engine {
    /** The tick channel and the FMV channel: the per-symbol market state, latency first. */
    TICK(""),
    /** The OHLCV channel: minute bursts of 8,000 bars. */
    OHLCV("-ohlcv");

    private final String suffix;

    Engine(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The engine's application id (its consumer group, its internal topics' prefix): the tick engine keeps the
     * configured one, so the group that reads every raw topic keeps its name.
     */
    public String applicationId(String configured) {
        return configured + suffix;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
