package io.tickstock.processor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tickstock.model.Topics;
import io.tickstock.processor.detect.SessionCalendar;
import io.tickstock.processor.topology.StoreKind;
import java.time.Duration;
import java.util.List;

/**
 * What the channel processor reads from configuration ({@code tickstock.processor.*}, env {@code TICKSTOCK_PROCESSOR_*}).
 * Every detection threshold of SPEC §4 is here with the SPEC's default; docs/operations.md lists them all.
 */
@ConfigMapping(prefix = "tickstock.processor")
public interface ProcessorConfig {

    TopicNames topics();

    Dedup dedup();

    Session session();

    HighLow highLow();

    Surge surge();

    Trend trend();

    Ohlcv ohlcv();

    Fmv fmv();

    Priority priority();

    Health health();

    /** Where the state stores keep their data between changelog writes: {@code in-memory} or {@code rocksdb}. */
    @WithDefault("in-memory")
    StoreKind store();

    /** The engine of the tick and FMV channels: latency first. */
    TickEngine tickEngine();

    /** The engine of the OHLCV channel: minute bursts of 8,000 bars. */
    OhlcvEngine ohlcvEngine();

    /** How one Kafka Streams engine runs: the settings that differ between the engines. */
    interface EngineSettings {
        /** Under exactly-once a reader sees an event only once its transaction commits: a floor under latency. */
        Duration commitInterval();

        int streamThreads();
    }

    interface TickEngine extends EngineSettings {
        @Override
        @WithDefault("10ms")
        Duration commitInterval();

        @Override
        @WithDefault("1")
        int streamThreads();
    }

    interface OhlcvEngine extends EngineSettings {
        @Override
        @WithDefault("100ms")
        Duration commitInterval();

        @Override
        @WithDefault("1")
        int streamThreads();
    }

    interface TopicNames {
        @WithDefault(Topics.RAW_TICK)
        String tick();

        @WithDefault(Topics.RAW_OHLCV)
        String ohlcv();

        @WithDefault(Topics.RAW_FMV)
        String fmv();

        @WithDefault(Topics.EVENTS)
        String events();

        @WithDefault(Topics.PROCESSOR_DLQ)
        String dlq();
    }

    interface Dedup {
        /** How long an input's identity is remembered (event time) to drop its re-deliveries (SPEC §5.1). */
        @WithDefault("10m")
        Duration retention();
    }

    interface Session {
        /** {@code regular} (production), {@code extended} or {@code always} (the local stack and demos). */
        @WithDefault("regular")
        SessionCalendar calendar();

        /** How often (wall clock) the processor checks whether a new session began, to reset quiet symbols. */
        @WithDefault("5s")
        Duration resetCheckInterval();
    }

    interface HighLow {
        /** Least event time between two {@code high} (or two {@code low}) events of one symbol. */
        @WithDefault("1s")
        Duration cooldown();
    }

    interface Surge {
        /** The window a move and its volume are measured over. */
        @WithDefault("5s")
        Duration window();

        /** Volume in the window must be at least this multiple of the symbol's average volume per window. */
        @WithDefault("1.3")
        double volumeFactor();

        /** Least event time between two surges of one symbol in the same direction. */
        @WithDefault("5s")
        Duration cooldown();

        /** Warm-up: the average window volume needs at least this much history before the window. */
        @WithDefault("30s")
        Duration minBaseline();

        /** Percent move per band, for prices below 25, 100, 500 and above (SPEC §4). */
        @WithDefault("4,3,2.5,2")
        List<Double> bandPercents();
    }

    interface Trend {
        /** The three windows of the score, shortest first. */
        @WithDefault("180s,360s,600s")
        List<Duration> windows();

        /** The weight of each window's percent change in the score. */
        @WithDefault("0.3,0.4,0.3")
        List<Double> weights();

        /** |score| at or above which a trend fires. */
        @WithDefault("0.6")
        double threshold();

        /** Warm-up: least number of one-second price samples in the history. */
        @WithDefault("30")
        int minPoints();

        /** Warm-up: least span of the history. */
        @WithDefault("180s")
        Duration minHistory();

        /** Least event time between two trend events of one symbol (either direction). */
        @WithDefault("60s")
        Duration cooldown();
    }

    interface Ohlcv {
        /** Bars of history kept per symbol. */
        @WithDefault("10")
        int history();

        /** {@code volume_spike}: bar volume at least this multiple of the previous bars' mean volume. */
        @WithDefault("3")
        double spikeFactor();

        /** {@code volume_spike} needs at least this many previous bars. */
        @WithDefault("5")
        int spikeMinBars();

        /** {@code breakout}/{@code breakdown}: |close - open| / open at least this percent. */
        @WithDefault("2")
        double breakoutPercent();

        /** {@code high_close}/{@code low_close}: compared with this many previous closes at most. */
        @WithDefault("9")
        int closeLookback();

        /** {@code high_close}/{@code low_close} need at least this many previous bars. */
        @WithDefault("4")
        int closeMinBars();

        /** Noise filter: a bar that moved less than this percent ... */
        @WithDefault("1")
        double noiseMovePercent();

        /** ... and traded less than this multiple of the mean volume emits no bar events. */
        @WithDefault("1.5")
        double noiseVolumeFactor();
    }

    interface Fmv {
        /** Below this confidence no event fires (counted as filtered). */
        @WithDefault("0.7")
        double minConfidence();

        /** An FMV this far behind the symbol's newest event time is ignored; also where confidence reaches 0. */
        @WithDefault("15m")
        Duration staleAfter();

        /** A last price at most this old gives confidence 1.0 when the FMV has none. */
        @WithDefault("5s")
        Duration freshFor();

        /** |deviation| in percent at or above which {@code fmv_deviation} fires. */
        @WithDefault("1")
        double deviationPercent();

        /** At most one event per symbol and direction within this much event time ... */
        @WithDefault("60s")
        Duration cooldown();

        /** ... unless |deviation| grew by at least this many points since the last one. */
        @WithDefault("1")
        double regrowthPoints();

        /** |deviation| at or above which the event is P2 instead of P3. */
        @WithDefault("5")
        double p2DeviationPercent();
    }

    interface Priority {
        /** Symbols raised one priority level during the opening of the regular session. */
        @WithDefault("SPY,QQQ,IWM,DIA")
        List<String> focusSymbols();

        /** How long after the regular open (09:30 New York) focus symbols are raised. */
        @WithDefault("30m")
        Duration focusWindow();
    }

    interface Health {
        /** A channel whose last this-many records in a row all went to the dead-letter topic is reported DOWN. */
        @WithDefault("100")
        int failingAfterDeadLetters();
    }
}
