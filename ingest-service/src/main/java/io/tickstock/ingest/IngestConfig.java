package io.tickstock.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Everything the ingest service reads from configuration ({@code tickstock.ingest.*}, env {@code TICKSTOCK_INGEST_*}). */
@ConfigMapping(prefix = "tickstock.ingest")
public interface IngestConfig {

    /** Which source feeds the raw topics at start. */
    @WithDefault("simulator")
    SourceKind source();

    TopicNames topics();

    Simulator simulator();

    enum SourceKind {
        SIMULATOR,
        NONE
    }

    interface TopicNames {
        @WithDefault(Topics.RAW_TICK)
        String tick();

        @WithDefault(Topics.RAW_OHLCV)
        String ohlcv();

        @WithDefault(Topics.RAW_FMV)
        String fmv();
    }

    interface Simulator {
        /** Same seed, same symbols, prices, sizes and trade ids: runs are repeatable. */
        @WithDefault("42")
        long seed();

        /** Explicit symbols; when absent, {@link #symbolCount()} symbols are generated. */
        Optional<List<String>> symbols();

        @WithDefault("20")
        int symbolCount();

        /** Trades per second over all symbols. */
        @WithDefault("200")
        double tradesPerSecond();

        /** Standard deviation of one trade's log return; 0.0005 = 0.05 %. */
        @WithDefault("0.0005")
        double volatility();

        /** Stop after this many messages (for tests and reproducible runs); unbounded when absent. */
        OptionalLong maxMessages();
    }
}
