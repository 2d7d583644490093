package io.tickstock.processor.topology;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.state.StateCodecs;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The tick channel: the three raw topics in arrival order ({@link IngestTime}) → {@link TickProcessor} (session
 * high/low from trades and bars, surge, trend; quotes priced) → {@code tickstock.events}, and the priced quotes →
 * the FMV channel's internal topic. Its wall-clock punctuator resets the session extremes of quiet symbols when a
 * new session begins.
 */
public final class TickChannel {

    /** How long a second is kept beyond the longest trend window: room for seconds that arrive late. */
    private static final long LATE_SECONDS_MILLIS = 60_000;

    private TickChannel() {
    }

    /** Adds the channel to {@code builder}; returns the priced quotes, in tasks of their own for the FMV channel. */
    static KStream<String, PricedQuote> addTo(StreamsBuilder builder, ChannelParts parts) {
        ProcessorConfig config = parts.config();
        SurgeDetector surge = new SurgeDetector(config.surge());
        TrendDetector trend = new TrendDetector(config.trend());
        builder.addStateStore(parts.cachedStore(StoreNames.TICK_SYMBOLS, StateCodecs.MARKET_SYMBOL));
        builder.addStateStore(parts.cachedStore(StoreNames.TICK_SECONDS, StateCodecs.TICK_SECOND));
        KStream<String, Object> out = builder.stream(
                        List.of(config.topics().tick(), config.topics().ohlcv(), config.topics().fmv()),
                        ChannelParts.raw("tick-source").withTimestampExtractor(new IngestTime()))
                .process(() -> new TickProcessor(parts, surge, trend), Named.as("tick-channel"),
                        StoreNames.TICK_SYMBOLS, StoreNames.TICK_SECONDS);
        out.filter((sym, value) -> value instanceof MarketEvent, Named.as("tick-detected"))
                .mapValues(MarketEvent.class::cast, Named.as("tick-event"))
                .to(config.topics().events(), Produced.with(Serdes.String(), new JsonSerde<>(MarketEvent.class))
                        .withName("tick-events"));
        return out.filter((sym, value) -> value instanceof PricedQuote, Named.as("tick-priced"))
                .mapValues(PricedQuote.class::cast, Named.as("tick-quote"))
                .repartition(Repartitioned.with(Serdes.String(), new PricedQuoteSerde()).withName("fmv-quotes"));
    }

    /** How long the series keeps a second: the longest trend window plus late room, and at least the dedup retention. */
    static long keptMillis(TrendDetector trend, ChannelParts parts) {
        return Math.max(trend.longestWindowMillis() + LATE_SECONDS_MILLIS, parts.dedupRetentionMillis());
    }
}
