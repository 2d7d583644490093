package io.tickstock.processor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.model.Channel;
import io.tickstock.model.IngestedMessage;
import io.tickstock.model.MarketEvent;
import io.tickstock.model.serde.JsonSerde;
import io.tickstock.processor.ProcessorConfig;
import io.tickstock.processor.detect.HighLowDetector;
import io.tickstock.processor.metrics.ChannelMetrics;
import io.tickstock.processor.state.SymbolState;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The tick sub-topology: {@code tickstock.raw.tick} → input dedup → session high/low → {@code tickstock.events}.
 */
public final class TickChannel {

    private TickChannel() {
    }

    public static void addTo(StreamsBuilder builder, ProcessorConfig config, MeterRegistry registry) {
        Duration retention = config.dedup().retention();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.INPUT_DEDUP, retention, retention, false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SYMBOL_STATE),
                Serdes.String(), new JsonSerde<>(SymbolState.class)));

        HighLowDetector highLow = new HighLowDetector(config.session().calendar(), config.highLow().cooldown());
        ChannelMetrics metrics = new ChannelMetrics(registry, Channel.TICK);
        builder.stream(config.topics().tick(), Consumed.with(Serdes.String(), new JsonSerde<>(IngestedMessage.class)))
                .process(() -> new TickProcessor(highLow, retention.toMillis(), metrics),
                        StoreNames.INPUT_DEDUP, StoreNames.SYMBOL_STATE)
                .to(config.topics().events(), Produced.with(Serdes.String(), new JsonSerde<>(MarketEvent.class)));
    }
}
