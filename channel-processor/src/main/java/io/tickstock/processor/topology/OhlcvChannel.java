package io.tickstock.processor.topology;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.state.StateCodecs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The OHLCV channel: {@code tickstock.raw.ohlcv} ({@code AM} minute bars) → input dedup → bar events against the
 * last bars → {@code tickstock.events}. A bar's extremes are the tick channel's to judge; this channel's 8,000-bar
 * minute bursts run in an engine of their own, so no tick waits for them.
 */
public final class OhlcvChannel {

    private OhlcvChannel() {
    }

    static void addTo(StreamsBuilder builder, ChannelParts parts) {
        builder.addStateStore(parts.store(StoreNames.BAR_HISTORY, StateCodecs.BAR_HISTORY));
        BarDetector bars = new BarDetector(parts.config().ohlcv());
        builder.stream(parts.config().topics().ohlcv(), ChannelParts.raw("ohlcv-source"))
                .process(() -> new OhlcvProcessor(parts, bars), Named.as("ohlcv-channel"), StoreNames.BAR_HISTORY)
                .to(parts.config().topics().events(), Produced.with(Serdes.String(),
                        new JsonSerde<>(MarketEvent.class)).withName("ohlcv-events"));
    }
}
