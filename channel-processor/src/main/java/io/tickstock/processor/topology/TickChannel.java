package io.tickstock.processor.topology;

import io.tickstock.model.Channel;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.SurgeDetector;
import io.tickstock.processor.detect.TrendDetector;
import io.tickstock.processor.state.TickSample;
import io.tickstock.processor.state.TickSeries;
import io.tickstock.processor.state.TickState;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The tick channel: {@code tickstock.raw.tick} ({@code T} trades, {@code A} per-second bars) → input dedup →
 * session high/low, surge, trend → {@code tickstock.events}. Its wall-clock punctuator resets the session extremes
 * of quiet symbols when a new session begins.
 */
public final class TickChannel {

    private TickChannel() {
    }

    static void addTo(StreamsBuilder builder, ChannelParts parts) {
        ProcessorConfig config = parts.config();
        SurgeDetector surge = new SurgeDetector(config.surge());
        TrendDetector trend = new TrendDetector(config.trend());
        long retention = TickSeries.retentionMillis(trend);
        builder.addStateStore(Stores.keyValueStoreBuilder(parts.stores().keyValue(StoreNames.TICK_STATE),
                Serdes.String(), parts.stateSerde(TickState.class, StoreNames.TICK_STATE)));
        builder.addStateStore(Stores.windowStoreBuilder(
                parts.stores().window(StoreNames.TICK_SERIES, Duration.ofMillis(retention), Duration.ofSeconds(1)),
                Serdes.String(), parts.stateSerde(TickSample.class, StoreNames.TICK_SERIES)).withLoggingEnabled(StoreKind.WINDOW_CHANGELOG));
        parts.wire(builder, Channel.TICK, config.topics().tick(),
                () -> new TickProcessor(parts, surge, trend, retention),
                StoreNames.TICK_STATE, StoreNames.TICK_SERIES);
    }
}
