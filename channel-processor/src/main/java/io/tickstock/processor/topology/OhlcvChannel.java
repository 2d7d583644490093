package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.processor.detect.BarDetector;
import io.tickstock.processor.state.BarHistory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The OHLCV channel: {@code tickstock.raw.ohlcv} ({@code AM} minute bars) → input dedup → session high/low from
 * the bar's {@code h}/{@code l} (the state the tick channel shares), bar events against the last bars →
 * {@code tickstock.events}.
 */
public final class OhlcvChannel {

    private OhlcvChannel() {
    }

    static void addTo(StreamsBuilder builder, ChannelParts parts) {
        builder.addStateStore(Stores.keyValueStoreBuilder(parts.stores().keyValue(StoreNames.BAR_HISTORY),
                Serdes.String(), parts.stateSerde(BarHistory.class, StoreNames.BAR_HISTORY)));
        BarDetector bars = new BarDetector(parts.config().ohlcv());
        parts.wire(builder, Channel.OHLCV, parts.config().topics().ohlcv(), () -> new OhlcvProcessor(parts, bars),
                StoreNames.BAR_HISTORY);
    }
}
