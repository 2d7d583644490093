package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.processor.detect.FmvDetector;
import io.tickstock.processor.state.FmvState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The FMV channel: {@code tickstock.raw.fmv} ({@code FMV} quotes) → input dedup → deviation from the market price
 * (the quote's or the shared last price) → {@code tickstock.events}.
 */
public final class FmvChannel {

    private FmvChannel() {
    }

    static void addTo(StreamsBuilder builder, ChannelParts parts) {
        builder.addStateStore(Stores.keyValueStoreBuilder(parts.stores().keyValue(StoreNames.FMV_STATE),
                Serdes.String(), parts.stateSerde(FmvState.class, StoreNames.FMV_STATE)));
        FmvDetector detector = new FmvDetector(parts.config().fmv());
        parts.wire(builder, Channel.FMV, parts.config().topics().fmv(), () -> new FmvProcessor(parts, detector),
                StoreNames.FMV_STATE);
    }
}
