package io.tickstock.processor.topology;

import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.state.StateCodecs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The FMV channel: quotes priced by the tick channel ({@link PricedQuote}) → input dedup → deviation from the
 * market price (the quote's, or the last price it was priced with) → {@code tickstock.events}.
 */
public final class FmvChannel {

    private FmvChannel() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, PricedQuote> quotes, ChannelParts parts) {
        builder.addStateStore(parts.store(StoreNames.FMV_STATE, StateCodecs.FMV_STATE));
        FmvDetector detector = new FmvDetector(parts.config().fmv());
        quotes.process(() -> new FmvProcessor(parts, detector), Named.as("fmv-channel"), StoreNames.FMV_STATE)
                .to(parts.config().topics().events(), Produced.with(Serdes.String(),
                        new JsonSerde<>(MarketEvent.class)).withName("fmv-events"));
    }
}
